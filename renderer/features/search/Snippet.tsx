import type { SnippetSegment } from '../../../shared/api';

/** Why a hit matched: the core's snippet, its matched pieces marked. Text only, never HTML. */
export function Snippet({ segments, className = 'snippet' }: { segments: SnippetSegment[]; className?: string }) {
  if (segments.length === 0) return null;
  return (
    <span className={className}>
      {segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </span>
  );
}
