/**
 * Unsubscribe tokens: a link in every mail that turns one kind of e-mail off without signing
 * in. The token names the member and the kind and is signed with a key derived from
 * AUTH_SECRET; it does not expire (a mail read a year later must still work) but carries a
 * version, so the format can change without old links being misread.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { NOTIFICATION_KINDS, type NotificationKind } from '@/db/schema/notifications';
import { env, resolveAuthSecret } from '@/lib/env';
import { isUuid } from '@/lib/ids';

/** What a link turns off: one kind, or the daily digest (every digest kind at once). */
export type UnsubscribeScope = NotificationKind | 'digest';

const VERSION = '1';

const isScope = (v: string): v is UnsubscribeScope => v === 'digest' || (NOTIFICATION_KINDS as readonly string[]).includes(v);

// A key of its own, so an unsubscribe signature can never be replayed as anything else signed
// with AUTH_SECRET.
const keyFor = (secret: string) => createHmac('sha256', secret).update('ask-or-grow:unsubscribe').digest();

const sign = (payload: string, secret: string) => createHmac('sha256', keyFor(secret)).update(payload).digest();

export function createUnsubscribeToken(userId: string, scope: UnsubscribeScope, secret = resolveAuthSecret(env())): string {
  const payload = `${VERSION}:${userId}:${scope}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(payload, secret).toString('base64url')}`;
}

/** The member and kind a token names, or undefined when it is malformed, tampered with or not ours. */
export function verifyUnsubscribeToken(
  token: string | null | undefined,
  secret = resolveAuthSecret(env()),
): { userId: string; scope: UnsubscribeScope } | undefined {
  if (typeof token !== 'string' || token.length > 300) return undefined;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return undefined;
  const payload = Buffer.from(encoded, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(payload, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [version, userId, scope, ...rest] = payload.split(':');
  if (version !== VERSION || rest.length || !userId || !isUuid(userId) || !scope || !isScope(scope)) return undefined;
  return { userId, scope };
}
