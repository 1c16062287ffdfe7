import 'server-only';
import { and, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { db } from '@/db';
import { comments, mentorProfiles, mentorshipMessages, moderationLog, posts, reports, users, type ReportTarget } from '@/db/schema';
import type { ModerationAction } from '@/lib/moderation';
import type { Tx } from './events';
import { lockPostOfComment } from './locks';

/**
 * Moderation (issue 8): the report queue, hiding and restoring posts and comments, suspending
 * and restoring accounts, and the audit log. Every function takes the acting viewer and checks,
 * itself, that they are an admin whose account is not suspended — whoever calls it. Every change
 * writes one row of `moderation_log` and resolves the open reports it answers, in one transaction.
 */

/** SQL: the viewer is an admin in good standing (one primary-key lookup). For visibility rules elsewhere. */
export const viewerIsAdmin = (viewerId: string) =>
  sql`exists (select 1 from ${users} as moderator where moderator.id = ${viewerId} and moderator.role = 'admin' and moderator.suspended_at is null)`;

const adminCondition = (viewerId: string) => and(eq(users.id, viewerId), eq(users.role, 'admin'), isNull(users.suspendedAt));

/** Whether this member may moderate now. */
export async function isActiveAdmin(viewerId: string) {
  const [row] = await db().select({ id: users.id }).from(users).where(adminCondition(viewerId)).limit(1);
  return row !== undefined;
}

export type ModerationRefusal = {
  ok: false;
  code: 'forbidden' | 'not_found' | 'unchanged' | 'not_allowed';
  message: string;
};
export type ModerationDone = { ok: true; logId: number; resolvedReports: number };
export type ModerationResult = ModerationDone | ModerationRefusal;
export type ModerationOptions = { reportId?: string; note?: string };

const refuse = (code: ModerationRefusal['code'], message: string): ModerationRefusal => ({ ok: false, code, message });
const FORBIDDEN = refuse('forbidden', 'Only moderators can do that.');

type Change = {
  /** What the log row records besides the action: enough to read the log without the target. */
  data: Record<string, unknown>;
  /** The open reports this answers, and how. */
  resolves: { where: SQL; as: 'actioned' | 'dismissed' };
};

/**
 * The frame of every moderation action: the admin check (their row locked FOR SHARE, so a
 * revocation or suspension waits for this to finish), the report it answers, the change, the
 * resolved reports and the log row — all or nothing.
 */
async function moderate(
  adminId: string,
  action: ModerationAction,
  target: { type: ReportTarget; id: string },
  options: ModerationOptions,
  change: (tx: Tx, at: Date) => Promise<Change | ModerationRefusal>,
): Promise<ModerationResult> {
  return db().transaction(async (tx) => {
    const [admin] = await tx.select({ id: users.id }).from(users).where(adminCondition(adminId)).for('share');
    if (!admin) return FORBIDDEN;
    if (options.reportId) {
      const [report] = await tx
        .select({ targetType: reports.targetType, targetId: reports.targetId, targetUserId: reports.targetUserId })
        .from(reports)
        .where(eq(reports.id, options.reportId));
      const about =
        report &&
        ((report.targetType === target.type && report.targetId === target.id) || (target.type === 'user' && report.targetUserId === target.id));
      if (!about) return refuse('not_found', 'That report is not about this.');
    }
    const at = new Date();
    const done = await change(tx, at);
    if ('ok' in done) return done;
    const resolved = await tx
      .update(reports)
      .set({ status: done.resolves.as, resolvedAt: at, resolvedBy: adminId })
      .where(and(eq(reports.status, 'open'), done.resolves.where))
      .returning({ id: reports.id });
    const [row] = await tx
      .insert(moderationLog)
      .values({
        adminId,
        action,
        targetType: target.type,
        targetId: target.id,
        reportId: options.reportId ?? null,
        note: options.note ?? '',
        data: { ...done.data, resolvedReports: resolved.length },
        createdAt: at,
      })
      .returning({ id: moderationLog.id });
    return { ok: true as const, logId: row!.id, resolvedReports: resolved.length };
  });
}

const reportsAbout = (type: ReportTarget, id: string) => and(eq(reports.targetType, type), eq(reports.targetId, id))!;

async function postFacts(tx: Tx, postId: string) {
  const [post] = await tx
    .select({ title: posts.title, slug: posts.slug, authorId: posts.authorId, handle: users.handle, hiddenAt: posts.hiddenAt })
    .from(posts)
    .innerJoin(users, eq(users.id, posts.authorId))
    .where(eq(posts.id, postId))
    .for('update', { of: posts });
  return post;
}

/** Hides a post from everyone but its author (who sees a note) and admins; its open reports are actioned. */
export function hidePost(adminId: string, postId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'hide_post', { type: 'post', id: postId }, options, async (tx, at) => {
    const post = await postFacts(tx, postId);
    if (!post) return refuse('not_found', 'That post does not exist.');
    if (post.hiddenAt) return refuse('unchanged', 'That post is already hidden.');
    await tx.update(posts).set({ hiddenAt: at }).where(eq(posts.id, postId));
    return {
      data: { title: post.title, slug: post.slug, authorId: post.authorId, handle: post.handle },
      resolves: { where: reportsAbout('post', postId), as: 'actioned' },
    };
  });
}

/** Shows a hidden post again; reports still open about it are dismissed (it was reviewed). */
export function restorePost(adminId: string, postId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'restore_post', { type: 'post', id: postId }, options, async (tx) => {
    const post = await postFacts(tx, postId);
    if (!post) return refuse('not_found', 'That post does not exist.');
    if (!post.hiddenAt) return refuse('unchanged', 'That post is not hidden.');
    await tx.update(posts).set({ hiddenAt: null }).where(eq(posts.id, postId));
    return {
      data: { title: post.title, slug: post.slug, authorId: post.authorId, handle: post.handle },
      resolves: { where: reportsAbout('post', postId), as: 'dismissed' },
    };
  });
}

async function commentFacts(tx: Tx, commentId: string) {
  await lockPostOfComment(tx, commentId);
  const [comment] = await tx
    .select({
      authorId: comments.authorId,
      handle: users.handle,
      hiddenAt: comments.hiddenAt,
      deletedAt: comments.deletedAt,
      postTitle: posts.title,
      postSlug: posts.slug,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .innerJoin(posts, eq(posts.id, comments.postId))
    .where(eq(comments.id, commentId))
    .for('update', { of: comments });
  return comment;
}

/** Replaces a comment with "[hidden by a moderator]" for everyone but its author and admins; replies stay. */
export function hideComment(adminId: string, commentId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'hide_comment', { type: 'comment', id: commentId }, options, async (tx, at) => {
    const comment = await commentFacts(tx, commentId);
    if (!comment || comment.deletedAt) return refuse('not_found', 'That comment is no longer there.');
    if (comment.hiddenAt) return refuse('unchanged', 'That comment is already hidden.');
    await tx.update(comments).set({ hiddenAt: at }).where(eq(comments.id, commentId));
    return {
      data: { authorId: comment.authorId, handle: comment.handle, postTitle: comment.postTitle, postSlug: comment.postSlug },
      resolves: { where: reportsAbout('comment', commentId), as: 'actioned' },
    };
  });
}

export function restoreComment(adminId: string, commentId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'restore_comment', { type: 'comment', id: commentId }, options, async (tx) => {
    const comment = await commentFacts(tx, commentId);
    if (!comment || comment.deletedAt) return refuse('not_found', 'That comment is no longer there.');
    if (!comment.hiddenAt) return refuse('unchanged', 'That comment is not hidden.');
    await tx.update(comments).set({ hiddenAt: null }).where(eq(comments.id, commentId));
    return {
      data: { authorId: comment.authorId, handle: comment.handle, postTitle: comment.postTitle, postSlug: comment.postSlug },
      resolves: { where: reportsAbout('comment', commentId), as: 'dismissed' },
    };
  });
}

async function memberFacts(tx: Tx, userId: string) {
  const [member] = await tx
    .select({ handle: users.handle, displayName: users.displayName, role: users.role, suspendedAt: users.suspendedAt })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return member;
}

/**
 * Suspends an account: it can no longer sign in or act (lib/session.ts), and its profile, posts
 * and comments are hidden. A mentor leaves the directory the way a retired one does — the
 * profile's status becomes 'retired', so the directory's statements and their indexes are
 * unchanged — and the log remembers that it was active, for the restore. Every open report
 * about the account or anything it wrote is actioned. An admin cannot suspend themself or
 * another admin: the role is revoked first, from the command line (npm run admin:grant -- --revoke).
 */
export function suspendMember(adminId: string, userId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'suspend_member', { type: 'user', id: userId }, options, async (tx, at) => {
    if (userId === adminId) return refuse('not_allowed', 'You cannot suspend your own account.');
    const member = await memberFacts(tx, userId);
    if (!member) return refuse('not_found', 'That account does not exist.');
    if (member.role === 'admin') {
      return refuse('not_allowed', 'An admin cannot be suspended. Revoke their role first: npm run admin:grant -- --revoke <handle>.');
    }
    if (member.suspendedAt) return refuse('unchanged', 'That account is already suspended.');
    await tx.update(users).set({ suspendedAt: at }).where(eq(users.id, userId));
    const retired = await tx
      .update(mentorProfiles)
      .set({ status: 'retired', updatedAt: at })
      .where(and(eq(mentorProfiles.userId, userId), eq(mentorProfiles.status, 'active')))
      .returning({ userId: mentorProfiles.userId });
    return {
      data: { handle: member.handle, displayName: member.displayName, mentorWasActive: retired.length > 0 },
      resolves: {
        where: or(eq(reports.targetUserId, userId), and(eq(reports.targetType, 'user'), eq(reports.targetId, userId)))!,
        as: 'actioned',
      },
    };
  });
}

/** Lifts a suspension; a mentor who was listed is listed again. Open reports about the profile are dismissed. */
export function restoreMember(adminId: string, userId: string, options: ModerationOptions = {}) {
  return moderate(adminId, 'restore_member', { type: 'user', id: userId }, options, async (tx, at) => {
    const member = await memberFacts(tx, userId);
    if (!member) return refuse('not_found', 'That account does not exist.');
    if (!member.suspendedAt) return refuse('unchanged', 'That account is not suspended.');
    await tx.update(users).set({ suspendedAt: null }).where(eq(users.id, userId));
    const [suspension] = await tx
      .select({ data: moderationLog.data })
      .from(moderationLog)
      .where(and(eq(moderationLog.targetType, 'user'), eq(moderationLog.targetId, userId), eq(moderationLog.action, 'suspend_member')))
      .orderBy(desc(moderationLog.id))
      .limit(1);
    const relist = (suspension?.data as { mentorWasActive?: boolean } | undefined)?.mentorWasActive === true;
    if (relist) {
      await tx
        .update(mentorProfiles)
        .set({ status: 'active', updatedAt: at })
        .where(and(eq(mentorProfiles.userId, userId), eq(mentorProfiles.status, 'retired')));
    }
    return {
      data: { handle: member.handle, displayName: member.displayName, mentorRelisted: relist },
      resolves: { where: reportsAbout('user', userId), as: 'dismissed' },
    };
  });
}

/** Closes every open report about the same thing as this one, without acting on it. */
export async function dismissReport(adminId: string, reportId: string, options: Omit<ModerationOptions, 'reportId'> = {}) {
  const [report] = await db()
    .select({ targetType: reports.targetType, targetId: reports.targetId, status: reports.status })
    .from(reports)
    .where(eq(reports.id, reportId));
  // Refuse a non-admin before saying anything about the report.
  if (!report) return (await isActiveAdmin(adminId)) ? refuse('not_found', 'That report does not exist.') : FORBIDDEN;
  return moderate(adminId, 'dismiss_reports', { type: report.targetType, id: report.targetId }, { ...options, reportId }, async (tx) => {
    const [open] = await tx.select({ id: reports.id }).from(reports).where(and(eq(reports.id, reportId), eq(reports.status, 'open')));
    if (!open) return refuse('unchanged', 'That report was already resolved.');
    return { data: {}, resolves: { where: reportsAbout(report.targetType, report.targetId), as: 'dismissed' } };
  });
}

// ————————————————————————————————————————————————————— reading

const PREVIEW_LENGTH = 600;
const clip = (text: string, length = PREVIEW_LENGTH) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

type Member = { id: string; handle: string; displayName: string; role: 'member' | 'admin'; suspended: boolean };

export type QueuePreview =
  | { type: 'post'; title: string; excerpt: string; slug: string; hidden: boolean }
  | { type: 'comment'; body: string; postTitle: string; postSlug: string; hidden: boolean }
  | { type: 'user'; displayName: string; handle: string; bio: string }
  | { type: 'message'; body: string; sentAt: Date }
  /** Deleted since it was reported: nothing to act on but the reports. */
  | { type: 'gone' };

async function membersById(ids: string[]) {
  if (!ids.length) return new Map<string, Member & { bio: string }>();
  const rows = await db()
    .select({ id: users.id, handle: users.handle, displayName: users.displayName, role: users.role, suspendedAt: users.suspendedAt, bio: users.bio })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map(({ suspendedAt, ...m }) => [m.id, { ...m, suspended: suspendedAt !== null }]));
}

const idsOf = (items: { targetType: string; targetId: string }[], type: ReportTarget) =>
  items.filter((i) => i.targetType === type).map((i) => i.targetId);

/**
 * The open reports, one entry per reported thing with how many reported it and why, newest
 * report first, with a preview of the thing. A private message's text appears here, to admins,
 * only because one of the two people in that conversation reported it; nothing else in the app
 * shows a message to anyone outside its mentorship. Undefined for anyone but an admin.
 */
export async function listReportQueue(viewerId: string, limit = 50) {
  if (!(await isActiveAdmin(viewerId))) return undefined;
  const newest = sql`max(${reports.createdAt})`;
  const groups = await db()
    .select({
      targetType: reports.targetType,
      targetId: reports.targetId,
      reportCount: sql<number>`count(*)::int`.mapWith(Number),
      firstReportedAt: sql`min(${reports.createdAt})`.mapWith(reports.createdAt),
      lastReportedAt: newest.mapWith(reports.createdAt),
      categories: sql<string[]>`array_agg(distinct ${reports.category} order by ${reports.category})`,
      notes: sql<string[] | null>`(array_agg(${reports.note} order by ${reports.createdAt} desc, ${reports.id} desc) filter (where ${reports.note} <> ''))[1:3]`,
      // The newest report stands for the group in the log; acting resolves them all.
      reportId: sql<string>`(array_agg(${reports.id} order by ${reports.createdAt} desc, ${reports.id} desc))[1]`,
      targetUserId: sql<string | null>`(array_agg(${reports.targetUserId} order by ${reports.createdAt} desc, ${reports.id} desc))[1]`,
    })
    .from(reports)
    .where(eq(reports.status, 'open'))
    .groupBy(reports.targetType, reports.targetId)
    .orderBy(desc(newest), reports.targetType, reports.targetId)
    .limit(limit);

  const postIds = idsOf(groups, 'post');
  const commentIds = idsOf(groups, 'comment');
  const messageIds = idsOf(groups, 'message');
  const [postRows, commentRows, messageRows, members] = await Promise.all([
    postIds.length
      ? db()
          .select({ id: posts.id, title: posts.title, excerpt: posts.excerpt, slug: posts.slug, hiddenAt: posts.hiddenAt, authorId: posts.authorId })
          .from(posts)
          .where(inArray(posts.id, postIds))
      : [],
    commentIds.length
      ? db()
          .select({
            id: comments.id,
            body: comments.body,
            hiddenAt: comments.hiddenAt,
            deletedAt: comments.deletedAt,
            authorId: comments.authorId,
            postTitle: posts.title,
            postSlug: posts.slug,
          })
          .from(comments)
          .innerJoin(posts, eq(posts.id, comments.postId))
          .where(inArray(comments.id, commentIds))
      : [],
    messageIds.length
      ? db()
          .select({ id: mentorshipMessages.id, body: mentorshipMessages.body, createdAt: mentorshipMessages.createdAt, authorId: mentorshipMessages.authorId })
          .from(mentorshipMessages)
          .where(inArray(mentorshipMessages.id, messageIds))
      : [],
    membersById([...idsOf(groups, 'user'), ...groups.flatMap((g) => (g.targetUserId ? [g.targetUserId] : []))]),
  ]);
  const postById = new Map(postRows.map((p) => [p.id, p]));
  const commentById = new Map(commentRows.map((c) => [c.id, c]));
  const messageById = new Map(messageRows.map((m) => [m.id, m]));

  return groups.map((g) => {
    let preview: QueuePreview = { type: 'gone' };
    let memberId = g.targetUserId;
    const post = g.targetType === 'post' ? postById.get(g.targetId) : undefined;
    const comment = g.targetType === 'comment' ? commentById.get(g.targetId) : undefined;
    const message = g.targetType === 'message' ? messageById.get(g.targetId) : undefined;
    const profile = g.targetType === 'user' ? members.get(g.targetId) : undefined;
    if (post) {
      preview = { type: 'post', title: post.title, excerpt: post.excerpt, slug: post.slug, hidden: post.hiddenAt !== null };
      memberId = post.authorId;
    } else if (comment && !comment.deletedAt) {
      preview = { type: 'comment', body: clip(comment.body), postTitle: comment.postTitle, postSlug: comment.postSlug, hidden: comment.hiddenAt !== null };
      memberId = comment.authorId;
    } else if (message) {
      preview = { type: 'message', body: clip(message.body), sentAt: message.createdAt };
      memberId = message.authorId;
    } else if (profile) {
      preview = { type: 'user', displayName: profile.displayName, handle: profile.handle, bio: profile.bio };
      memberId = profile.id;
    }
    const found = memberId ? members.get(memberId) : undefined;
    const member: Member | null = found
      ? { id: found.id, handle: found.handle, displayName: found.displayName, role: found.role, suspended: found.suspended }
      : null;
    return {
      targetType: g.targetType,
      targetId: g.targetId,
      reportId: g.reportId,
      reportCount: g.reportCount,
      categories: g.categories,
      notes: g.notes ?? [],
      firstReportedAt: g.firstReportedAt,
      lastReportedAt: g.lastReportedAt,
      preview,
      member,
    };
  });
}

export type QueueEntry = NonNullable<Awaited<ReturnType<typeof listReportQueue>>>[number];

const STATE_ACTIONS = ['hide_post', 'restore_post', 'hide_comment', 'restore_comment', 'suspend_member', 'restore_member'] as const;

/**
 * What is hidden or suspended now, with a way back: the targets whose latest hide/suspend-type
 * log row is a hide or a suspension, checked against the rows themselves. Read from the log
 * (small) rather than by scanning posts, comments and users for a column no index covers.
 */
export async function listModeratedNow(viewerId: string, limit = 100) {
  if (!(await isActiveAdmin(viewerId))) return undefined;
  const latest = await db()
    .selectDistinctOn([moderationLog.targetType, moderationLog.targetId], {
      targetType: moderationLog.targetType,
      targetId: moderationLog.targetId,
      action: moderationLog.action,
      at: moderationLog.createdAt,
      logId: moderationLog.id,
    })
    .from(moderationLog)
    .where(inArray(moderationLog.action, [...STATE_ACTIONS]))
    .orderBy(moderationLog.targetType, moderationLog.targetId, desc(moderationLog.id));
  const current = latest
    .filter((l) => l.action.startsWith('hide_') || l.action === 'suspend_member')
    .sort((a, b) => b.logId - a.logId)
    .slice(0, limit);
  const postIds = current.filter((c) => c.targetType === 'post').map((c) => c.targetId);
  const commentIds = current.filter((c) => c.targetType === 'comment').map((c) => c.targetId);
  const userIds = current.filter((c) => c.targetType === 'user').map((c) => c.targetId);
  const [hiddenPosts, hiddenComments, suspended] = await Promise.all([
    postIds.length
      ? db()
          .select({ id: posts.id, title: posts.title, slug: posts.slug, handle: users.handle })
          .from(posts)
          .innerJoin(users, eq(users.id, posts.authorId))
          .where(and(inArray(posts.id, postIds), sql`${posts.hiddenAt} is not null`))
      : [],
    commentIds.length
      ? db()
          .select({ id: comments.id, body: comments.body, postSlug: posts.slug, postTitle: posts.title, handle: users.handle })
          .from(comments)
          .innerJoin(posts, eq(posts.id, comments.postId))
          .innerJoin(users, eq(users.id, comments.authorId))
          .where(and(inArray(comments.id, commentIds), sql`${comments.hiddenAt} is not null`, isNull(comments.deletedAt)))
      : [],
    userIds.length
      ? db()
          .select({ id: users.id, handle: users.handle, displayName: users.displayName })
          .from(users)
          .where(and(inArray(users.id, userIds), sql`${users.suspendedAt} is not null`))
      : [],
  ]);
  const byId = {
    post: new Map(hiddenPosts.map((p) => [p.id, p])),
    comment: new Map(hiddenComments.map((c) => [c.id, c])),
    user: new Map(suspended.map((u) => [u.id, u])),
  };
  type Item =
    | { type: 'post'; id: string; since: Date; title: string; slug: string; handle: string }
    | { type: 'comment'; id: string; since: Date; body: string; postTitle: string; postSlug: string; handle: string }
    | { type: 'user'; id: string; since: Date; handle: string; displayName: string };
  const items: Item[] = [];
  for (const c of current) {
    if (c.targetType === 'post') {
      const p = byId.post.get(c.targetId);
      if (p) items.push({ type: 'post', id: p.id, since: c.at, title: p.title, slug: p.slug, handle: p.handle });
    } else if (c.targetType === 'comment') {
      const m = byId.comment.get(c.targetId);
      if (m) items.push({ type: 'comment', id: m.id, since: c.at, body: clip(m.body, 200), postTitle: m.postTitle, postSlug: m.postSlug, handle: m.handle });
    } else if (c.targetType === 'user') {
      const u = byId.user.get(c.targetId);
      if (u) items.push({ type: 'user', id: u.id, since: c.at, handle: u.handle, displayName: u.displayName });
    }
  }
  return items;
}

export type ModeratedItem = NonNullable<Awaited<ReturnType<typeof listModeratedNow>>>[number];

export const LOG_PAGE_SIZE = 50;

/** The audit log, newest first, a page at a time (`before`: the last id of the previous page). Undefined for non-admins. */
export async function listModerationLog(viewerId: string, options: { before?: number; limit?: number } = {}) {
  if (!(await isActiveAdmin(viewerId))) return undefined;
  const limit = options.limit ?? LOG_PAGE_SIZE;
  const rows = await db()
    .select({
      id: moderationLog.id,
      action: moderationLog.action,
      targetType: moderationLog.targetType,
      targetId: moderationLog.targetId,
      reportId: moderationLog.reportId,
      note: moderationLog.note,
      data: moderationLog.data,
      createdAt: moderationLog.createdAt,
      admin: { id: users.id, handle: users.handle, displayName: users.displayName },
    })
    .from(moderationLog)
    .leftJoin(users, eq(users.id, moderationLog.adminId))
    .where(options.before ? lt(moderationLog.id, options.before) : undefined)
    .orderBy(desc(moderationLog.id))
    .limit(limit + 1);
  const entries = rows.slice(0, limit).map((r) => ({ ...r, data: (r.data ?? {}) as Record<string, unknown> }));
  return { entries, next: rows.length > limit ? entries.at(-1)!.id : undefined };
}

export type LogEntry = NonNullable<Awaited<ReturnType<typeof listModerationLog>>>['entries'][number];
