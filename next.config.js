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
};

export default nextConfig;
