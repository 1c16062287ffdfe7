import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { rows } from '@/db/testing/rows';
import { createTestDatabase } from '@/db/testing/test-database';
import {
  createMember,
  findCredentials,
  getAvatar,
  getMemberByHandle,
  isEmailTaken,
  isHandleTaken,
  removeAvatar,
  setAvatar,
  updateProfile,
} from './users';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const member = (handle: string, email = `${handle}@example.com`) => ({
  displayName: handle,
  handle,
  email,
  passwordHash: 'scrypt$x',
});

describe('members', () => {
  it('keeps handles and e-mails unique regardless of case', async () => {
    const first = await createMember(member('Grace_H', 'grace@example.com'));
    expect(first).toHaveProperty('id');
    expect(await createMember(member('grace_h', 'other@example.com'))).toEqual({ field: 'handle' });
    expect(await createMember(member('someone_else', 'GRACE@example.com'))).toEqual({ field: 'email' });
    expect(await isHandleTaken('GRACE_h')).toBe(true);
    expect(await isEmailTaken('Grace@Example.com')).toBe(true);
    expect(await rows(database, sql`select count(*)::int as n from users where lower(handle) = 'grace_h'`)).toEqual([{ n: 1 }]);
  });

  it('lets exactly one of many simultaneous sign-ups with one handle through', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => createMember(member(i % 2 ? 'RaceHandle' : 'racehandle', `race${i}@example.com`))),
    );
    expect(results.filter((r) => 'id' in r)).toHaveLength(1);
    expect(results.filter((r) => 'field' in r && r.field === 'handle')).toHaveLength(7);
  });

  it('finds sign-in credentials by e-mail or handle in any case', async () => {
    const created = await createMember(member('Linus_T', 'linus@example.com'));
    const id = 'id' in created ? created.id : '';
    expect((await findCredentials('LINUS@example.com'))?.id).toBe(id);
    expect((await findCredentials('linus_t'))?.id).toBe(id);
    expect(await findCredentials('nobody@example.com')).toBeUndefined();
  });

  it('never exposes the e-mail address on a public profile', async () => {
    await createMember(member('private_pat', 'pat.secret@example.com'));
    const profile = await getMemberByHandle('PRIVATE_PAT');
    expect(profile?.handle).toBe('private_pat');
    expect(JSON.stringify(profile)).not.toContain('pat.secret');
  });

  it('refuses to rename onto a taken handle and keeps the old one', async () => {
    const a = await createMember(member('alpha_one'));
    await createMember(member('beta_two'));
    const id = 'id' in a ? a.id : '';
    expect(await updateProfile(id, { displayName: 'Alpha', handle: 'BETA_TWO', bio: '' })).toEqual({ field: 'handle' });
    expect((await getMemberByHandle('alpha_one'))?.displayName).toBe('alpha_one');
    expect(await updateProfile(id, { displayName: 'Alpha', handle: 'Alpha_One', bio: 'Hi' })).toEqual({ ok: true });
    expect(await getMemberByHandle('alpha_one')).toMatchObject({ handle: 'Alpha_One', displayName: 'Alpha', bio: 'Hi' });
  });

  it('stores, replaces and removes an avatar, keeping the profile in step', async () => {
    const a = await createMember(member('pictured'));
    const id = 'id' in a ? a.id : '';
    await setAvatar(id, { mimeType: 'image/png', bytes: Buffer.from([1, 2, 3]) });
    await setAvatar(id, { mimeType: 'image/gif', bytes: Buffer.from([4, 5]) });
    const stored = await getAvatar(id);
    expect(stored?.mimeType).toBe('image/gif');
    expect([...stored!.bytes]).toEqual([4, 5]);
    expect((await getMemberByHandle('pictured'))?.avatarUpdatedAt).toBeInstanceOf(Date);
    await removeAvatar(id);
    expect(await getAvatar(id)).toBeUndefined();
    expect((await getMemberByHandle('pictured'))?.avatarUpdatedAt).toBeNull();
  });
});
