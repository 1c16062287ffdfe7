import NextAuth, { type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { findOrCreateOAuthMember } from '@/db/queries/users';
import { baseAuthConfig } from '@/lib/auth-config';
import { authorizeCredentials } from '@/lib/credentials';
import { env, oauthProviders } from '@/lib/env';

function config(): NextAuthConfig {
  const e = env();
  const oauth = oauthProviders(e);
  const base = baseAuthConfig();
  return {
    ...base,
    providers: [
      Credentials({
        credentials: { identifier: {}, password: {} },
        // Rate limits and suspension included: see lib/credentials.ts.
        authorize: (raw, request) => authorizeCredentials(raw, request.headers),
      }),
      ...(oauth.github ? [GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET })] : []),
      ...(oauth.google ? [Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET })] : []),
    ],
    callbacks: {
      ...base.callbacks,
      async signIn({ account, profile, user }) {
        if (!account || account.provider === 'credentials') return true;
        const email = (profile?.email ?? user.email)?.toLowerCase();
        if (!email) return '/signin?error=OAuthNoEmail';
        const member = await findOrCreateOAuthMember({
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          email,
          name: String(profile?.name ?? user.name ?? ''),
          preferredHandle: String((profile as { login?: string } | undefined)?.login ?? email.split('@')[0]),
        });
        if ('conflict' in member) return '/signin?error=OAuthAccountNotLinked';
        // The jwt callback reads our own id from here.
        user.id = member.id;
        return true;
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
