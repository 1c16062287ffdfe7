import type { NextAuthConfig } from 'next-auth';
import { env, resolveAuthSecret } from '@/lib/env';

/**
 * The part of the Auth.js set-up that needs no database (lib/auth.ts adds the providers).
 */
export function baseAuthConfig(): NextAuthConfig {
  return {
    secret: resolveAuthSecret(env()),
    // Sessions are signed tokens so any number of app instances can serve them.
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    trustHost: true,
    pages: { signIn: '/signin', error: '/signin' },
    providers: [],
    callbacks: {
      jwt({ token, user }) {
        if (user?.id) token.sub = user.id;
        // Keep the token minimal: name and picture come from the database on each request.
        return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub ?? '' } } as typeof session;
      },
    },
  };
}
