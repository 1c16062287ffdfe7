/**
 * Where to send someone after signing in: only ever a path on this site. An absolute URL keeps
 * just its path (Auth.js passes the full URL of the page that needed a session), so
 * `https://evil.example/x` becomes `/x` here and `//evil.example` becomes `/`.
 */
export function safeReturnPath(value: string | undefined | null, fallback = '/'): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, 'http://placeholder.invalid');
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    return path.startsWith('/') && !path.startsWith('//') ? path : fallback;
  } catch {
    return fallback;
  }
}
