// Adds the people the moderation test needs, to the test server's fresh database, before it
// starts: a member who becomes the admin (e2e/run.mts runs `npm run admin:grant` for them next:
// the real way, there is no other) and an author with a published post to be reported.
import { openConfiguredDatabase } from '@/db';
import { posts, users } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { ADMIN_FIXTURE } from './admin-data';

const database = openConfiguredDatabase();
const passwordHash = await hashPassword(ADMIN_FIXTURE.password);
const [, author] = await database.db
  .insert(users)
  .values([
    { ...ADMIN_FIXTURE.admin, passwordHash },
    { ...ADMIN_FIXTURE.author, passwordHash },
  ])
  .returning({ id: users.id });
const body = 'Skip the fundamentals. Nobody reads the design doc anyway.';
const at = new Date(Date.now() - 60 * 60_000);
await database.db.insert(posts).values({
  authorId: author!.id,
  title: ADMIN_FIXTURE.postTitle,
  slug: ADMIN_FIXTURE.postSlug,
  body,
  excerpt: body,
  status: 'published',
  publishedAt: at,
  createdAt: at,
  updatedAt: at,
});
await database.close();
console.log('Moderation fixture ready.');
