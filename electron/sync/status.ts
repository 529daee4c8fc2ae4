// The one-line status the reader sees: "offline — last synced 3 h ago".

export function ago(from: string | null, now: Date): string {
  if (!from) return 'never';
  const s = Math.max(0, Math.round((now.getTime() - Date.parse(from)) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

export function lastSynced(from: string | null, now: Date): string {
  return from ? `last synced ${ago(from, now)}` : 'never synced';
}
