// The browser host hands the page a per-run token as `?token=…` on first load. Keep it
// in sessionStorage (so reloads and hash deep links keep working in this tab) and take
// it out of the visible URL, so it is not copied, bookmarked or shown over a shoulder.
const KEY = 'briefbook.token';

export function takeToken(loc: Location = window.location, storage: Storage = window.sessionStorage): string | null {
  const params = new URLSearchParams(loc.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    params.delete('token');
    const search = params.toString();
    window.history.replaceState(window.history.state, '', `${loc.pathname}${search ? `?${search}` : ''}${loc.hash}`);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
