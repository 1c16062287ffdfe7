// Rows for query tests, written straight into the process-wide test database (createTestDatabase
// installs it). Each call makes a distinct member, so tests in one file never collide.
import { randomBytes } from 'node:crypto';
import { db, rowsOf } from '@/db';
import { follows, mentorProfiles, users } from '@/db/schema';
import { sql } from 'drizzle-orm';

let n = 0;

/** A member with no password; `prefix` shows in the handle (3–30 letters, digits or _). */
export async function member(prefix = 'm') {
  const name = `${prefix}${++n}_${randomBytes(3).toString('hex')}`;
  const [row] = await db()
    .insert(users)
    .values({ handle: name, displayName: name, email: `${name}@example.com`, passwordHash: null })
    .returning({ id: users.id, handle: users.handle });
  return row!;
}

/** A member with an active mentor profile. */
export async function mentor(profile: Partial<typeof mentorProfiles.$inferInsert> = {}, prefix = 't') {
  const row = await member(prefix);
  await db().insert(mentorProfiles).values({ userId: row.id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 10, ...profile });
  return row;
}

/** A published post (or a draft with `at` null) at a given moment. */
export async function publish(authorId: string, at: Date | null = new Date(), title = `Post ${++n}`) {
  const [row] = rowsOf<{ id: string; slug: string }>(
    await db().execute(sql`
      insert into posts (author_id, title, slug, body, status, published_at)
      values (${authorId}, ${title}, ${`post-${n}-${randomBytes(3).toString('hex')}`}, ${'Some **markdown** to read.'},
              ${at ? 'published' : 'draft'}, ${at ? at.toISOString() : null}::timestamptz)
      returning id, slug`),
  );
  return row!;
}

export const follow = (followerId: string, followeeId: string) => db().insert(follows).values({ followerId, followeeId });
