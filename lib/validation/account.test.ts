import { describe, expect, it } from 'vitest';
import { profileSchema, signUpSchema } from './account';

const valid = { displayName: 'Ada Lovelace', handle: 'ada_l', email: 'ada@example.com', password: 'correct horse battery' };

function errorsFor(input: Record<string, unknown>) {
  const result = signUpSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('sign-up validation', () => {
  it('accepts a normal sign-up and tidies it', () => {
    const result = signUpSchema.parse({ ...valid, displayName: '  Ada   Lovelace ', handle: '@ada_l', email: ' ada@example.com ' });
    expect(result).toMatchObject({ displayName: 'Ada Lovelace', handle: 'ada_l', email: 'ada@example.com' });
  });

  it.each([
    ['empty display name', { displayName: '   ' }, 'displayName', 'Display name is required.'],
    ['too long display name', { displayName: 'x'.repeat(61) }, 'displayName', 'Display name must be at most 60 characters.'],
    ['zero-width characters in a name', { displayName: 'Ad\u200Ba' }, 'displayName', 'Display name contains invisible or control characters.'],
    ['right-to-left override in a name', { displayName: 'evil\u202Egnp.exe' }, 'displayName', 'Display name contains invisible or control characters.'],
    ['short handle', { handle: 'ab' }, 'handle', 'Handle must be at least 3 characters.'],
    ['handle with markup', { handle: '<b>x</b>' }, 'handle', 'Handle may use only letters, digits and underscores.'],
    ['handle with accents', { handle: 'zoë_k' }, 'handle', 'Handle may use only letters, digits and underscores.'],
    ['reserved handle in any case', { handle: 'Settings' }, 'handle', 'This handle is reserved; please choose another.'],
    ['malformed e-mail', { email: 'ada@' }, 'email', 'Enter a valid e-mail address, like name@example.com.'],
    ['empty e-mail', { email: '' }, 'email', 'E-mail is required.'],
    ['short password', { password: 'short' }, 'password', 'Password must be at least 10 characters.'],
    ['missing password', { password: undefined }, 'password', 'Password is required.'],
  ])('rejects %s with a message for that field', (_name, change, field, message) => {
    expect(errorsFor({ ...valid, ...change })[field]).toBe(message);
  });

  it('counts characters, not UTF-16 units, for length limits', () => {
    // 60 emoji are 120 UTF-16 units but 60 characters: allowed.
    expect(errorsFor({ ...valid, displayName: '😀'.repeat(60) }).displayName).toBeUndefined();
    expect(errorsFor({ ...valid, password: '🔑'.repeat(9) }).password).toBe('Password must be at least 10 characters.');
  });

  it('keeps line breaks in a bio but limits it to 280 characters', () => {
    expect(profileSchema.parse({ displayName: 'A', handle: 'abc', bio: 'one\r\ntwo' }).bio).toBe('one\ntwo');
    expect(profileSchema.safeParse({ displayName: 'A', handle: 'abc', bio: 'x'.repeat(281) }).success).toBe(false);
  });
});
