/**
 * The security headers, in one place. The Content-Security-Policy is made per request in
 * proxy.ts with a fresh nonce: Next puts the nonce on its own scripts, 'strict-dynamic' lets
 * those load the rest, and nothing else runs — no inline script, no `javascript:` URL, no
 * script from another origin, even if some markup slipped through the sanitiser.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }) {
  return [
    "default-src 'self'",
    // 'unsafe-eval' only in development, where React's dev tools need it for stack traces.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // Styles may be inline (style attributes cannot carry a nonce); scripts never.
    "style-src 'self' 'unsafe-inline'",
    // Posts may show images from elsewhere (markdown); avatars are served from here.
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    `connect-src 'self'${options.development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
    ...(options.development ? [] : ['upgrade-insecure-requests']),
  ].join('; ');
}
