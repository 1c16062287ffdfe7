/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files from its own package folder at run time;
  // bundling it breaks those paths, so every database request would fail.
  serverExternalPackages: ['@electric-sql/pglite'],
  experimental: {
    // Avatars are uploaded through a server action; the image limit itself (1 MB) is
    // checked in lib/validation/profile.ts, this only leaves room for the form around it.
    serverActions: { bodySizeLimit: '2mb' },
  },
  poweredByHeader: false,
  async headers() {
    // The per-request Content-Security-Policy (with its nonce) is set in proxy.ts.
    const production = process.env.NODE_ENV === 'production';
    const everywhere = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      // Older browsers that ignore CSP's frame-ancestors.
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
      { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
      ...(production ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
    ];
    return [
      { source: '/:path*', headers: everywhere },
      // Route handlers and files answer with data, never a page: nothing in them may run.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'; sandbox" }] },
    ];
  },
};

export default nextConfig;
