import 'server-only';
import { CredentialsSignin } from 'next-auth';
import { forgiveSignIn, limitSignIn } from '@/db/queries/rate-limits';
import { findCredentials } from '@/db/queries/users';
import { clientAddress } from '@/lib/client-address';
import { burnPasswordCheck, verifyPassword } from '@/lib/password';
import { tooManyAttempts } from '@/lib/rate-limits';
import { signInSchema } from '@/lib/validation/account';

// Auth.js passes these through to the sign-in action, which says why by the form; a plain
// null from authorize is the generic "incorrect" answer (Auth.js appends a link to `message`). The codes end up in the URL
// when the Auth.js endpoint is posted to directly, and say nothing about the password.

/** Too many attempts on this account or from this address. */
export class TooManySignInAttempts extends CredentialsSignin {
  code = 'rate_limited';
  constructor(readonly retryAfterSeconds: number) {
    super(tooManyAttempts(retryAfterSeconds));
  }
}

export const ACCOUNT_SUSPENDED = 'This account is suspended.';

/** The password is right, but an admin suspended the account. */
export class AccountSuspended extends CredentialsSignin {
  code = 'suspended';
  constructor() {
    super(ACCOUNT_SUSPENDED);
  }
}

/**
 * The credentials provider's check, for the sign-in form and the Auth.js endpoint alike (both
 * reach it, so the rate limits live here rather than in the action). `headers` are the
 * request's, for the client's address.
 */
export async function authorizeCredentials(raw: unknown, headers: Headers, now = new Date()): Promise<{ id: string } | null> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { identifier, password } = parsed.data;
  const account = await findCredentials(identifier);
  // Counted before the password is checked: the check is the expensive part an attacker wants.
  const limited = await limitSignIn(account ? { id: account.id } : { identifier }, clientAddress(headers), now);
  if (!limited.ok) throw new TooManySignInAttempts(limited.retryAfterSeconds);
  // Same work, same answer whether the account is missing or the password wrong.
  const valid = account?.passwordHash ? await verifyPassword(password, account.passwordHash) : await burnPasswordCheck(password);
  if (!valid || !account) return null;
  // Said only to someone who knows the password: it tells nothing to a guesser.
  if (account.suspendedAt) throw new AccountSuspended();
  await forgiveSignIn(account.id, now);
  return { id: account.id };
}
