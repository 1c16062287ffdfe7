/** Only same-site paths: `/settings` yes; `//evil.example`, `https://…` or `/\evil` no. */
export function safeReturnPath(value: string | undefined | null, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  try {
    const url = new URL(value, 'http://localhost');
    return url.host === 'localhost' ? `${url.pathname}${url.search}${url.hash}` : fallback;
  } catch {
    return fallback;
  }
}
