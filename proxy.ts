import NextAuth from 'next-auth';
import { baseAuthConfig } from '@/lib/auth-config';

// Optimistic redirects only (reads the signed token, never the database): pages, actions and
// queries check the session again themselves.
const { auth } = NextAuth(() => baseAuthConfig());
export { auth as proxy };

export const config = {
  matcher: ['/settings/:path*'],
};
