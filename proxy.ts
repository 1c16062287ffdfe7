import NextAuth from 'next-auth';
import { baseAuthConfig } from '@/lib/auth-config';

// Optimistic redirects only (reads the signed token, never the database): pages, actions and
// queries check the session again themselves.
export const { auth: proxy } = NextAuth(() => baseAuthConfig());

export const config = {
  matcher: ['/settings/:path*'],
};
