// Adds the people the Grow-path end-to-end test needs, to the test server's fresh database,
// before it starts: a mentor and a member who already exchanged a comment and a reply nine days
// ago. Rapport needs exchanges across two weeks; the test supplies this week's in the browser.
import { openConfiguredDatabase } from '@/db';
import { comments, mentorProfiles, posts, users } from '@/db/schema';
import { hashPassword } from '@/lib/password';
import { GROW_FIXTURE } from './grow-data';


const database = openConfiguredDatabase();
const ago = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);
const passwordHash = await hashPassword(GROW_FIXTURE.password);
const [mentor, member] = await database.db
  .insert(users)
  .values([
    { ...GROW_FIXTURE.mentor, passwordHash, createdAt: ago(60) },
    { ...GROW_FIXTURE.member, passwordHash, createdAt: ago(40) },
  ])
  .returning({ id: users.id });
await database.db.insert(mentorProfiles).values({
  userId: mentor!.id,
  headline: 'Engineering manager · code review and career growth',
  timezone: 'Europe/Berlin',
  languages: ['en', 'de'],
  tags: ['career-growth', 'code-review'],
  capacity: 3,
  startPreference: 'grow',
  startNote: 'Comment on what I write; if we click, I will offer to mentor you.',
});
const [post] = await database.db
  .insert(posts)
  .values({
    authorId: mentor!.id,
    title: GROW_FIXTURE.postTitle,
    slug: GROW_FIXTURE.postSlug,
    body: 'Review the **design** before the diff.\n\nThen ask one question per comment.',
    excerpt: 'Review the design before the diff. Then ask one question per comment.',
    status: 'published',
    publishedAt: ago(10),
    createdAt: ago(10),
  })
  .returning({ id: posts.id });
const [question] = await database.db
  .insert(comments)
  .values({ postId: post!.id, authorId: member!.id, repliesToId: mentor!.id, body: 'How do you review a design doc?', createdAt: ago(9) })
  .returning({ id: comments.id });
await database.db.insert(comments).values({
  postId: post!.id,
  authorId: mentor!.id,
  parentId: question!.id,
  repliesToId: member!.id,
  depth: 1,
  body: 'Start with the problem statement, not the solution.',
  createdAt: ago(9),
});
await database.close();
console.log('Grow-path fixture ready.');
