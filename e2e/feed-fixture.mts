// Adds the author the feed test needs, to the test server's fresh database, before it starts:
// an established account with twelve published posts. Publishing twelve through the editor in a
// minute is what the post rate limit (lib/rate-limits.ts) exists to stop.
import { openConfiguredDatabase } from '@/db';
import { posts, users } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { FEED_FIXTURE } from './feed-data';

const database = openConfiguredDatabase();
const now = Date.now();
const minutesAgo = (minutes: number) => new Date(now - minutes * 60_000);
const [author] = await database.db
  .insert(users)
  .values({ ...FEED_FIXTURE.author, passwordHash: await hashPassword(FEED_FIXTURE.password), createdAt: minutesAgo(60 * 24 * 90) })
  .returning({ id: users.id });
await database.db.insert(posts).values(
  FEED_FIXTURE.posts.map(({ title, slug }, i) => {
    const body = `This is ${title.toLowerCase()}.`;
    // A minute apart, the last a few minutes before the tests start.
    const at = minutesAgo(FEED_FIXTURE.posts.length - i + 2);
    return { authorId: author!.id, title, slug, body, excerpt: body, status: 'published' as const, publishedAt: at, createdAt: at, updatedAt: at };
  }),
);
await database.close();
console.log('Feed fixture ready.');
