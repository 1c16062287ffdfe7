import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe';

const secret = 'a-test-secret-that-is-long-enough-for-hmac-0123456789';
const userId = '3f6c2a52-8a3e-4b7f-9d51-0c1e2f3a4b5c';

describe('unsubscribe tokens', () => {
  it('name the member and the kind they were made for', () => {
    const token = createUnsubscribeToken(userId, 'message', secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token, secret)).toEqual({ userId, scope: 'message' });
    expect(verifyUnsubscribeToken(createUnsubscribeToken(userId, 'digest', secret), secret)).toEqual({ userId, scope: 'digest' });
  });

  it('refuse a token moved to another kind or another member', () => {
    const token = createUnsubscribeToken(userId, 'request_received', secret);
    const [, signature] = token.split('.');
    const otherKind = Buffer.from(`1:${userId}:request_answered`).toString('base64url');
    expect(verifyUnsubscribeToken(`${otherKind}.${signature}`, secret)).toBeUndefined();
    const otherMember = Buffer.from(`1:${userId.replace('3f6c', '3f6d')}:request_received`).toString('base64url');
    expect(verifyUnsubscribeToken(`${otherMember}.${signature}`, secret)).toBeUndefined();
  });

  it('refuse tampered, truncated, foreign and malformed tokens', () => {
    const token = createUnsubscribeToken(userId, 'message', secret);
    const [payload, signature] = token.split('.') as [string, string];
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    expect(verifyUnsubscribeToken(`${payload}.${flipped}`, secret)).toBeUndefined();
    expect(verifyUnsubscribeToken(`${payload}.${signature.slice(0, 20)}`, secret)).toBeUndefined();
    expect(verifyUnsubscribeToken(token, 'another-secret-that-is-also-long-enough-0123456789')).toBeUndefined();
    for (const bad of ['', '.', 'abc', `${payload}.`, `.${signature}`, `${token}.x`, undefined, null]) {
      expect(verifyUnsubscribeToken(bad, secret)).toBeUndefined();
    }
  });

  it('refuse a validly signed payload of another version or an unknown kind', () => {
    // Someone holding the secret could sign anything; a payload the app never makes is still refused.
    const forged = (payload: string) => {
      const key = createHmac('sha256', secret).update('ask-or-grow:unsubscribe').digest();
      return `${Buffer.from(payload).toString('base64url')}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
    };
    expect(verifyUnsubscribeToken(forged(`1:${userId}:message`), secret)).toEqual({ userId, scope: 'message' });
    expect(verifyUnsubscribeToken(forged(`2:${userId}:message`), secret)).toBeUndefined();
    expect(verifyUnsubscribeToken(forged(`1:${userId}:everything`), secret)).toBeUndefined();
    expect(verifyUnsubscribeToken(forged(`1:not-a-uuid:message`), secret)).toBeUndefined();
  });
});
