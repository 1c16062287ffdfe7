import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '@/db';
import { follows, mentorProfiles, mentorshipMessages, mentorships, moderationLog, posts, reports, users, type ReportCategory } from '@/db/schema';
import { rows } from '@/db/testing/rows';
import { createTestDatabase } from '@/db/testing/test-database';
import { parseDirectoryQuery } from '@/lib/validation/directory';
import { addComment, listComments } from './comments';
import { loadFeed } from './feed';
import { searchMentors } from './mentors';
import {
  dismissReport,
  hideComment,
  hidePost,
  isActiveAdmin,
  listModeratedNow,
  listModerationLog,
  listReportQueue,
  restoreComment,
  restoreMember,
  restorePost,
  suspendMember,
} from './moderation';
import { getPost } from './posts';
import { getMemberByHandle, getSessionUser, listPublishedPosts } from './users';

// lib/session reads the session through Auth.js; here the "token" names whoever `signedIn` says.
const session = vi.hoisted(() => ({ id: undefined as string | undefined }));
vi.mock('@/lib/auth', () => ({ auth: async () => (session.id ? { user: { id: session.id } } : null) }));
const { currentUser, requireUser } = await import('@/lib/session');

let database: Database;
let n = 0;

async function member(role: 'member' | 'admin' = 'member', handle = `mod_${role}_${++n}`) {
  const [row] = await database.db
    .insert(users)
    .values({ handle, displayName: `Person ${handle}`, email: `${handle}@example.com`, passwordHash: null, role })
    .returning({ id: users.id });
  return row!.id;
}

async function mentor(handle: string, status: 'active' | 'retired' = 'active') {
  const id = await member('member', handle);
  await database.db.insert(mentorProfiles).values({ userId: id, headline: 'Kind mentor', timezone: 'UTC', languages: ['en'], tags: ['moderation-test'], status });
  return id;
}

async function publish(authorId: string, title = `Post ${++n}`) {
  const slug = `mod-post-${++n}`;
  const [row] = await database.db
    .insert(posts)
    .values({ authorId, title, slug, body: `The body of ${title}`, excerpt: `About ${title}`, status: 'published', publishedAt: new Date() })
    .returning({ id: posts.id });
  return { id: row!.id, slug };
}

async function comment(authorId: string, postId: string, body: string, parentId?: string) {
  const result = await addComment(authorId, { postId, parentId, body });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

async function report(
  reporterId: string,
  target: { type: 'post' | 'comment' | 'user' | 'message'; id: string; userId: string },
  category: ReportCategory = 'spam',
  note = '',
  at = new Date(Date.now() + ++n), // distinct moments: PGlite's clock may give two inserts one microsecond
) {
  const [row] = await database.db
    .insert(reports)
    .values({ reporterId, targetType: target.type, targetId: target.id, targetUserId: target.userId, category, note, createdAt: at })
    .returning({ id: reports.id });
  return row!.id;
}

const reportStatus = async (id: string) =>
  (await database.db.select({ status: reports.status, resolvedBy: reports.resolvedBy }).from(reports).where(eq(reports.id, id)))[0];

const logCount = async () => Number((await rows<{ n: number }>(database, sql`select count(*)::int as n from moderation_log`))[0]!.n);

const feedIds = async (viewerId?: string) => (await loadFeed(viewerId, undefined, 50)).posts.map((p) => p.id);

const directoryHandles = async () =>
  (await searchMentors(parseDirectoryQuery({ tag: 'moderation-test' }).query)).mentors.map((m) => m.handle);

let admin: string;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await member('admin', 'mod_the_admin');
});
afterAll(() => database.close());
beforeEach(() => {
  session.id = undefined;
});

describe('who may moderate', () => {
  it('refuses every moderation function to a member, a suspended admin and an unknown id, and changes nothing', async () => {
    const plain = await member();
    const suspendedAdmin = await member('admin');
    await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, suspendedAdmin));
    const author = await member();
    const post = await publish(author);
    const c = await comment(author, post.id, 'A comment');
    const r = await report(plain, { type: 'post', id: post.id, userId: author });
    await database.db.update(posts).set({ hiddenAt: new Date() }).where(eq(posts.id, post.id));
    const before = await logCount();

    for (const viewer of [plain, suspendedAdmin, '00000000-0000-4000-8000-000000000000']) {
      expect(await isActiveAdmin(viewer)).toBe(false);
      for (const attempt of [
        hidePost(viewer, post.id),
        restorePost(viewer, post.id),
        hideComment(viewer, c),
        restoreComment(viewer, c),
        suspendMember(viewer, author),
        restoreMember(viewer, author),
        dismissReport(viewer, r),
      ]) {
        expect(await attempt).toMatchObject({ ok: false, code: 'forbidden' });
      }
      expect(await listReportQueue(viewer)).toBeUndefined();
      expect(await listModeratedNow(viewer)).toBeUndefined();
      expect(await listModerationLog(viewer)).toBeUndefined();
    }
    // Nothing moved: the post is still hidden, the comment and the account untouched, the report open.
    expect((await database.db.select({ hiddenAt: posts.hiddenAt }).from(posts).where(eq(posts.id, post.id)))[0]!.hiddenAt).not.toBeNull();
    expect((await getSessionUser(author))!.suspendedAt).toBeNull();
    expect(await reportStatus(r)).toMatchObject({ status: 'open', resolvedBy: null });
    expect(await logCount()).toBe(before);
    expect(await isActiveAdmin(admin)).toBe(true);
  });

  it('does not let an admin suspend themself or another admin', async () => {
    const other = await member('admin');
    const before = await logCount();
    expect(await suspendMember(admin, admin)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(await suspendMember(admin, other)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect((await getSessionUser(other))!.suspendedAt).toBeNull();
    expect(await logCount()).toBe(before);
  });
});

describe('hiding and restoring a post', () => {
  it('hides the post from everyone but its author and admins, resolves its reports, and restores it', async () => {
    const author = await member();
    const reader = await member();
    const reporter = await member();
    await database.db.insert(follows).values({ followerId: reader, followeeId: author });
    const post = await publish(author, 'A post someone reported');
    const first = await report(reporter, { type: 'post', id: post.id, userId: author }, 'spam');
    const second = await report(reader, { type: 'post', id: post.id, userId: author }, 'harassment', 'Rude to newcomers');
    expect(await feedIds()).toContain(post.id);
    expect(await feedIds(reader)).toContain(post.id);

    const hidden = await hidePost(admin, post.id, { reportId: second, note: 'Harassment' });
    expect(hidden).toMatchObject({ ok: true, resolvedReports: 2 });
    expect(await getPost(post.slug)).toBeUndefined();
    expect(await getPost(post.slug, reader)).toBeUndefined();
    expect(await getPost(post.slug, author)).toMatchObject({ id: post.id, hiddenAt: expect.any(Date), isAuthor: true });
    expect(await getPost(post.slug, admin)).toMatchObject({ id: post.id, hiddenAt: expect.any(Date), isAuthor: false });
    expect(await feedIds()).not.toContain(post.id);
    expect(await feedIds(reader)).not.toContain(post.id);
    expect((await listPublishedPosts(author)).map((p) => p.slug)).not.toContain(post.slug);
    for (const id of [first, second]) expect(await reportStatus(id)).toEqual({ status: 'actioned', resolvedBy: admin });
    expect(await hidePost(admin, post.id)).toMatchObject({ ok: false, code: 'unchanged' });
    expect((await listModeratedNow(admin))!.map((i) => i.id)).toContain(post.id);

    expect(await restorePost(admin, post.id, { note: 'On reflection, fine' })).toMatchObject({ ok: true, resolvedReports: 0 });
    expect(await getPost(post.slug)).toMatchObject({ id: post.id, hiddenAt: null });
    expect(await feedIds(reader)).toContain(post.id);
    expect((await listPublishedPosts(author)).map((p) => p.slug)).toContain(post.slug);
    expect((await listModeratedNow(admin))!.map((i) => i.id)).not.toContain(post.id);
    expect(await restorePost(admin, post.id)).toMatchObject({ ok: false, code: 'unchanged' });

    const log = (await listModerationLog(admin))!.entries.filter((e) => e.targetId === post.id);
    expect(log.map((e) => [e.action, e.admin?.id, e.reportId, e.note])).toEqual([
      ['restore_post', admin, null, 'On reflection, fine'],
      ['hide_post', admin, second, 'Harassment'],
    ]);
    expect(log[1]!.data).toMatchObject({ title: 'A post someone reported', resolvedReports: 2 });
  });

  it('refuses a report that is about something else', async () => {
    const author = await member();
    const a = await publish(author);
    const b = await publish(author);
    const aboutB = await report(await member(), { type: 'post', id: b.id, userId: author });
    expect(await hidePost(admin, a.id, { reportId: aboutB })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await getPost(a.slug)).toBeDefined();
    expect(await reportStatus(aboutB)).toMatchObject({ status: 'open' });
  });
});

describe('hiding and restoring a comment', () => {
  it('leaves a placeholder in the thread for others, keeps the replies, and shows the author and admins the comment', async () => {
    const postAuthor = await member();
    const commenter = await member();
    const reader = await member();
    const post = await publish(postAuthor);
    const rude = await comment(commenter, post.id, 'Something rude');
    const reply = await comment(reader, post.id, 'Please be kind', rude);
    const reported = await report(reader, { type: 'comment', id: rude, userId: commenter }, 'harassment');

    expect(await hideComment(admin, rude)).toMatchObject({ ok: true, resolvedReports: 1 });
    expect(await reportStatus(reported)).toEqual({ status: 'actioned', resolvedBy: admin });

    for (const viewer of [undefined, reader, postAuthor]) {
      const [top] = await listComments(post.id, { viewerId: viewer });
      expect(top).toMatchObject({ id: rude, hidden: true, deleted: false, body: '', author: null });
      expect(top!.replies.map((r) => [r.id, r.body])).toEqual([[reply, 'Please be kind']]);
    }
    for (const viewer of [commenter, admin]) {
      const [top] = await listComments(post.id, { viewerId: viewer });
      expect(top).toMatchObject({ id: rude, hidden: true, body: 'Something rude', author: { id: commenter } });
    }

    expect(await restoreComment(admin, rude)).toMatchObject({ ok: true });
    const [top] = await listComments(post.id);
    expect(top).toMatchObject({ id: rude, hidden: false, body: 'Something rude', author: { id: commenter } });
  });
});

describe('suspending an account', () => {
  it('signs the account out, hides its profile, posts and comments, takes it out of the directory, and restores all of it', async () => {
    const handle = `mod_suspend_${++n}`;
    const suspect = await mentor(handle);
    const reader = await member();
    await database.db.insert(follows).values({ followerId: reader, followeeId: suspect });
    const post = await publish(suspect, 'Written by the suspect');
    const elsewhere = await publish(reader);
    const remark = await comment(suspect, elsewhere.id, 'A remark');
    await comment(reader, elsewhere.id, 'An answer', remark);
    await database.db.insert(mentorships).values({ mentorId: suspect, menteeId: reader, origin: 'grow' });
    const [mentorship] = await database.db.select({ id: mentorships.id }).from(mentorships).where(eq(mentorships.mentorId, suspect));
    const [message] = await database.db
      .insert(mentorshipMessages)
      .values({ mentorshipId: mentorship!.id, authorId: suspect, body: 'An unkind private message' })
      .returning({ id: mentorshipMessages.id });
    const aboutProfile = await report(reader, { type: 'user', id: suspect, userId: suspect }, 'impersonation');
    const aboutMessage = await report(reader, { type: 'message', id: message!.id, userId: suspect }, 'harassment');
    const aboutPost = await report(await member(), { type: 'post', id: post.id, userId: suspect });

    session.id = suspect;
    expect(await currentUser()).toMatchObject({ id: suspect });
    expect(await directoryHandles()).toContain(handle);

    expect(await suspendMember(admin, suspect, { reportId: aboutMessage, note: 'Harassment in messages' })).toMatchObject({
      ok: true,
      resolvedReports: 3,
    });
    for (const id of [aboutProfile, aboutMessage, aboutPost]) expect(await reportStatus(id)).toEqual({ status: 'actioned', resolvedBy: admin });

    // Their token still names them, but they count as signed out, and requireUser says why.
    expect((await getSessionUser(suspect))!.suspendedAt).toBeInstanceOf(Date);
    expect(await currentUser()).toBeUndefined();
    await expect(requireUser('/settings')).rejects.toMatchObject({ digest: expect.stringContaining('/signin?suspended=1') });

    expect(await getMemberByHandle(handle)).toBeUndefined();
    expect(await getMemberByHandle(handle.toUpperCase())).toBeUndefined();
    expect(await getPost(post.slug)).toBeUndefined();
    expect(await getPost(post.slug, reader)).toBeUndefined();
    expect(await getPost(post.slug, admin)).toMatchObject({ id: post.id, author: { suspendedAt: expect.any(Date) } });
    expect(await feedIds()).not.toContain(post.id);
    expect(await feedIds(reader)).not.toContain(post.id);
    const [top] = await listComments(elsewhere.id, { viewerId: reader });
    expect(top).toMatchObject({ id: remark, hidden: true, body: '', author: null });
    expect(top!.replies).toHaveLength(1);
    expect((await listComments(elsewhere.id, { viewerId: admin }))[0]).toMatchObject({ body: 'A remark', hidden: true });
    expect(await directoryHandles()).not.toContain(handle);
    expect((await listModeratedNow(admin))!.map((i) => i.id)).toContain(suspect);

    expect(await restoreMember(admin, suspect)).toMatchObject({ ok: true });
    session.id = suspect;
    expect(await currentUser()).toMatchObject({ id: suspect });
    expect(await getMemberByHandle(handle)).toMatchObject({ id: suspect, mentor: { status: 'active' } });
    expect(await getPost(post.slug)).toMatchObject({ id: post.id });
    expect(await feedIds()).toContain(post.id);
    expect((await listComments(elsewhere.id))[0]).toMatchObject({ body: 'A remark', hidden: false });
    expect(await directoryHandles()).toContain(handle);
  });

  it('leaves a retired mentor retired after a suspension is lifted', async () => {
    const handle = `mod_retired_${++n}`;
    const retired = await mentor(handle, 'retired');
    await suspendMember(admin, retired);
    await restoreMember(admin, retired);
    expect(await getMemberByHandle(handle)).toMatchObject({ mentor: { status: 'retired' } });
  });
});

describe('the report queue', () => {
  it('groups open reports per thing, newest first, with a preview — a private message only because it was reported — and dismisses a group', async () => {
    const author = await mentor(`mod_queue_${++n}`);
    const reporterA = await member();
    const reporterB = await member();
    const post = await publish(author, 'A post for the queue');
    await report(reporterA, { type: 'post', id: post.id, userId: author }, 'spam', 'Selling things');
    const newest = await report(reporterB, { type: 'post', id: post.id, userId: author }, 'other', 'Off topic');
    await database.db.insert(mentorships).values({ mentorId: author, menteeId: reporterA, origin: 'grow' });
    const [mentorship] = await database.db.select({ id: mentorships.id }).from(mentorships).where(eq(mentorships.mentorId, author));
    const [message] = await database.db
      .insert(mentorshipMessages)
      .values({ mentorshipId: mentorship!.id, authorId: author, body: 'Private words' })
      .returning({ id: mentorshipMessages.id });
    const aboutMessage = await report(reporterA, { type: 'message', id: message!.id, userId: author }, 'harassment');

    const queue = (await listReportQueue(admin))!;
    const mine = queue.filter((e) => e.targetId === post.id || e.targetId === message!.id);
    expect(mine).toHaveLength(2);
    // The message was reported last, so it comes first.
    expect(mine[0]).toMatchObject({
      targetType: 'message',
      reportCount: 1,
      reportId: aboutMessage,
      preview: { type: 'message', body: 'Private words' },
      member: { id: author, suspended: false, role: 'member' },
    });
    expect(mine[1]).toMatchObject({
      targetType: 'post',
      reportCount: 2,
      reportId: newest,
      categories: ['other', 'spam'],
      notes: ['Off topic', 'Selling things'],
      preview: { type: 'post', title: 'A post for the queue', hidden: false },
      member: { id: author },
    });
    const times = queue.map((e) => e.lastReportedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const before = await logCount();
    expect(await dismissReport(admin, newest, { note: 'Not spam' })).toMatchObject({ ok: true, resolvedReports: 2 });
    expect(await logCount()).toBe(before + 1);
    expect(await dismissReport(admin, newest)).toMatchObject({ ok: false, code: 'unchanged' });
    const after = (await listReportQueue(admin))!;
    expect(after.map((e) => e.targetId)).not.toContain(post.id);
    expect(after.map((e) => e.targetId)).toContain(message!.id);
    expect(await getPost(post.slug)).toBeDefined();
    const [entry] = (await listModerationLog(admin, { limit: 1 }))!.entries;
    expect(entry).toMatchObject({ action: 'dismiss_reports', targetType: 'post', targetId: post.id, reportId: newest, note: 'Not spam' });
  });
});

describe('the audit log', () => {
  it('gets one row per action and refuses to change or forget one', async () => {
    const author = await member();
    const post = await publish(author);
    const before = await logCount();
    await hidePost(admin, post.id);
    await hidePost(admin, post.id); // refused: already hidden, so not logged
    await restorePost(admin, post.id);
    await suspendMember(admin, author);
    await restoreMember(admin, author);
    expect(await logCount()).toBe(before + 4);

    await expect(database.db.execute(sql`update moderation_log set note = 'rewritten'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from moderation_log`)).rejects.toThrow();
    await expect(database.db.delete(moderationLog).where(eq(moderationLog.adminId, admin))).rejects.toThrow();
    expect(await logCount()).toBe(before + 4);

    const page = (await listModerationLog(admin, { limit: 2 }))!;
    expect(page.entries.map((e) => e.action)).toEqual(['restore_member', 'suspend_member']);
    expect(page.next).toBeDefined();
    const older = (await listModerationLog(admin, { limit: 2, before: page.next }))!;
    expect(older.entries.map((e) => e.action)).toEqual(['restore_post', 'hide_post']);
  });
});
