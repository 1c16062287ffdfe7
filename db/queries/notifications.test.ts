import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { comments, mentorProfiles, notifications, posts, users } from '@/db/schema';
import { createTestDatabase } from '@/db/testing/test-database';
import { describe as describeNotification, type NotificationData } from '@/lib/notifications';
import { addComment } from './comments';
import { followMember } from './follows';
import { postMessage } from './mentorships';
import {
  countUnread,
  getNotificationSettings,
  listNotifications,
  markAllRead,
  openNotification,
  saveNotificationSettings,
} from './notifications';
import { answerOffer, makeOffer } from './offers';
import { createPost } from './posts';
import { setReaction } from './reactions';
import { acceptRequest, declineRequest, sendRequest, withdrawRequest } from './requests';

let database: Database;
let n = 0;

async function member(name = `Member ${n + 1}`) {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `n_member_${n}`, displayName: name, email: `n${n}@example.com`, passwordHash: null })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(name?: string) {
  const id = await member(name);
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 10 });
  return id;
}

const ask = (mentorId: string) => ({
  mentorId,
  message: 'Hello! I would like to learn how to lead a team well; your posts convinced me to ask you.',
  goal: ['Lead a team'],
  cadence: 'weekly' as const,
  lengthWeeks: 8,
});

async function post(authorId: string, title = 'On feedback') {
  const saved = await createPost(authorId, { title, body: 'Some thoughts on giving feedback.', tags: [], intent: 'publish' });
  return saved;
}

const daysAgo = (d: number) => new Date(Date.now() - d * 24 * 3600 * 1000);

/** Two weeks of two-way comments between a and b, written directly (rapport that has grown). */
async function grow(a: string, b: string) {
  for (const [from, to, days] of [[a, b, 15], [b, a, 14], [a, b, 3], [b, a, 2]] as const) {
    n++;
    const [p] = await database.db
      .insert(posts)
      .values({ authorId: to, title: 'A post', slug: `n-post-${n}`, body: 'Body', status: 'published', publishedAt: daysAgo(days + 1), createdAt: daysAgo(days + 1) })
      .returning({ id: posts.id });
    await database.db.insert(comments).values({ postId: p!.id, authorId: from, repliesToId: to, body: 'Nice', createdAt: daysAgo(days) });
  }
}

/** The member's notifications as the sentences they read. */
async function inbox(userId: string) {
  const { items } = await listNotifications(userId);
  return items.map((i) => describeNotification({ kind: i.kind, actorName: i.actorName ?? undefined, actorCount: i.actorCount, data: i.data }).text);
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('notifications of the Ask path', () => {
  it('tell the mentor of a request and of a withdrawal, and the mentee of the answer with its reason', async () => {
    const m = await mentor('Maya Mentor');
    const a = await member('Ana Asker');
    const b = await member('Ben Asker');
    const first = await sendRequest(a, ask(m));
    const second = await sendRequest(b, ask(m));
    if (!first.ok || !second.ok) throw new Error('refused');
    expect(await inbox(m)).toEqual(['Ben Asker asked you for a mentorship', 'Ana Asker asked you for a mentorship']);
    expect(await countUnread(m)).toBe(2);

    await declineRequest(m, { requestId: first.id, reason: 'prefer_to_grow', note: '' });
    expect(await inbox(a)).toEqual(['Maya Mentor declined your request (would rather the relationship grows first)']);
    await withdrawRequest(b, second.id);
    expect((await inbox(m))[0]).toBe('Ben Asker withdrew their request');

    const c = await member('Cat Asker');
    const third = await sendRequest(c, ask(m));
    if (!third.ok) throw new Error('refused');
    const accepted = await acceptRequest(m, third.id);
    if (!accepted.ok) throw new Error('refused');
    const [answer] = (await listNotifications(c)).items;
    expect(describeNotification({ ...answer!, actorName: answer!.actorName ?? undefined })).toEqual({
      text: 'Maya Mentor accepted your request: your mentorship has started',
      href: `/mentorships/${accepted.mentorshipId}`,
    });
    // Nobody is told about their own doing.
    expect((await inbox(m)).some((t) => t.includes('Maya'))).toBe(false);
  });

  it('batch new messages per mentorship while unread, and never carry what was said', async () => {
    const m = await mentor('Mo Mentor');
    const mentee = await member('Mia Mentee');
    const sent = await sendRequest(mentee, ask(m));
    if (!sent.ok) throw new Error('refused');
    const accepted = await acceptRequest(m, sent.id);
    if (!accepted.ok) throw new Error('refused');
    const secret = 'My salary is 123456 and I am thinking of quitting';
    await postMessage(mentee, accepted.mentorshipId, secret);
    await postMessage(mentee, accepted.mentorshipId, 'Also: could we meet on Tuesday?');
    await postMessage(mentee, accepted.mentorshipId, 'Thanks!');
    expect((await inbox(m)).filter((t) => t.includes('message'))).toEqual(['3 new messages from Mia Mentee']);
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, m));
    expect(JSON.stringify(rows)).not.toContain('salary');
    // Once read, the next message starts a new notification.
    await markAllRead(m);
    await postMessage(mentee, accepted.mentorshipId, 'One more thing.');
    expect((await inbox(m))[0]).toBe('New message from Mia Mentee');
    expect(await countUnread(m)).toBe(1);
  });
});

describe('notifications of the Grow path and of writing', () => {
  it('tell of comments on a post and replies to a comment, once each', async () => {
    const author = await member('Ada Author');
    const reader = await member('Rex Reader');
    const other = await member('Oli Other');
    const p = await post(author, 'Feedback that lands');
    const top = await addComment(reader, { postId: p.id, body: 'Great post.' });
    if (!top.ok) throw new Error('refused');
    expect(await inbox(author)).toEqual(['Rex Reader commented on “Feedback that lands”']);
    await addComment(other, { postId: p.id, parentId: top.id, body: 'Agreed!' });
    expect(await inbox(reader)).toEqual(['Oli Other replied to your comment on “Feedback that lands”']);
    expect((await inbox(author))[0]).toBe('Oli Other commented on “Feedback that lands”');
    // The author replying to a reader's comment: the reader hears of a reply; the author nothing.
    await addComment(author, { postId: p.id, parentId: top.id, body: 'Thank you!' });
    expect((await inbox(reader))[0]).toBe('Ada Author replied to your comment on “Feedback that lands”');
    expect(await inbox(author)).toHaveLength(2);
  });

  it('aggregate reactions into one row per post: "‹name› and N others"', async () => {
    const author = await member('Ari Author');
    const p = await post(author, 'Aggregates');
    const fans = [await member('Fan One'), await member('Fan Two'), await member('Fan Three'), await member('Fan Four'), await member('Fan Five')];
    for (const fan of fans) await setReaction(fan, { target: 'post', targetId: p.id, kind: 'like', on: true });
    // A second kind from the same person is not another person.
    await setReaction(fans[4]!, { target: 'post', targetId: p.id, kind: 'insightful', on: true });
    expect(await inbox(author)).toEqual(['Fan Five and 4 others reacted to “Aggregates”']);
    const rows = await database.db.select().from(notifications).where(eq(notifications.recipientId, author));
    expect(rows).toHaveLength(1);
    // Concurrent reactions still land in the one unread row.
    const more = await Promise.all(Array.from({ length: 4 }, (_, i) => member(`Rush ${i}`)));
    await Promise.all(more.map((fan) => setReaction(fan, { target: 'post', targetId: p.id, kind: 'like', on: true })));
    const after = await database.db.select().from(notifications).where(eq(notifications.recipientId, author));
    expect(after).toHaveLength(1);
    expect(after[0]!.actorCount).toBe(9);
  });

  it('aggregate new followers per day, and tell followers of a new post unless they turned it off', async () => {
    const writer = await member('Wes Writer');
    const f1 = await member('Follower One');
    const f2 = await member('Follower Two');
    await followMember(f1, writer);
    await followMember(f2, writer);
    expect(await inbox(writer)).toEqual(['Follower Two and 1 other started following you']);
    await saveNotificationSettings(f2, { followed_post: 'off' });
    await post(writer, 'Fresh writing');
    expect(await inbox(f1)).toEqual(['Wes Writer published “Fresh writing”']);
    expect(await inbox(f2)).toEqual([]);
  });

  it('tell of offers and their answers', async () => {
    const m = await mentor('Gil Grower');
    const mentee = await member('Hal Hopeful');
    // Rapport that has grown, written directly: this test is about the notifications.
    await grow(m, mentee);
    const offer = await makeOffer(m, { kind: 'offer', partnerId: mentee, message: 'Shall we?' });
    if (!offer.ok) throw new Error(offer.code);
    expect((await inbox(mentee))[0]).toBe('Gil Grower offered a mentorship');
    await answerOffer(mentee, { offerId: offer.id, accept: false });
    expect((await inbox(m))[0]).toBe('Hal Hopeful declined your offer');
    const proposal = await makeOffer(mentee, { kind: 'proposal', partnerId: m, message: '' });
    if (!proposal.ok) throw new Error(proposal.code);
    expect((await inbox(m))[0]).toBe('Hal Hopeful proposed a mentorship');
    await answerOffer(m, { offerId: proposal.id, accept: true });
    expect((await inbox(mentee))[0]).toBe('Gil Grower accepted your proposal: your mentorship has started');
  });
});

describe('reading and preferences', () => {
  it('open only one’s own notifications, mark all read, and keep per-kind choices', async () => {
    const m = await mentor('Ria Reader');
    const x = await member('Xavi');
    const sent = await sendRequest(x, ask(m));
    if (!sent.ok) throw new Error('refused');
    const [item] = (await listNotifications(m)).items;
    expect(await openNotification(x, item!.id)).toBeUndefined();
    expect(await openNotification(m, 'not-a-uuid')).toBeUndefined();
    expect(await openNotification(m, item!.id)).toMatchObject({ kind: 'request_received', data: { requestId: sent.id } satisfies NotificationData });
    expect(await countUnread(m)).toBe(0);

    expect((await getNotificationSettings(m)).request_received).toBe('email');
    expect((await getNotificationSettings(m)).reactions).toBe('in_app');
    await saveNotificationSettings(m, { request_received: 'off', reactions: 'email' });
    expect(await getNotificationSettings(m)).toMatchObject({ request_received: 'off', reactions: 'email' });
    await sendRequest(await member('Yan'), ask(m));
    expect(await countUnread(m)).toBe(0);
  });
});
