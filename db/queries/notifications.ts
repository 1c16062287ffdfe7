import 'server-only';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { db, rowsOf } from '@/db';
import { comments, NOTIFICATION_KINDS, notifications, notificationSettings, posts, users, type Channel, type NotificationKind } from '@/db/schema';
import { isUuid } from '@/lib/ids';
import { KIND_SETTINGS, type NotificationData } from '@/lib/notifications';
import { isBlockedEitherWay } from './blocks';
import type { Tx } from './events';

type Queryable = Pick<Tx, 'execute' | 'select' | 'insert' | 'update'>;


/** The member's channel for a kind: their choice, or the kind's default. */
export async function channelFor(tx: Queryable, userId: string, kind: NotificationKind): Promise<Channel> {
  const [row] = await tx
    .select({ channel: notificationSettings.channel })
    .from(notificationSettings)
    .where(and(eq(notificationSettings.userId, userId), eq(notificationSettings.kind, kind)));
  return row?.channel ?? KIND_SETTINGS[kind].defaultChannel;
}

export type Notified = { id: string; recipientId: string; kind: NotificationKind; channel: Channel };

/**
 * Listeners told about every notification written (the mail queue registers here), inside the
 * same transaction — so a rolled-back action neither notifies nor mails.
 */
type Listener = (tx: Tx, notified: Notified) => Promise<void>;
// On globalThis: Next bundles instrumentation (where the mail queue registers) apart from the
// routes and actions that notify, so a module-level list would not be the same list.
const holder = globalThis as unknown as { __askOrGrowNotifiedListeners?: Listener[] };
const listeners = (holder.__askOrGrowNotifiedListeners ??= []);
export function onNotified(listener: Listener) {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/**
 * Tells `recipientId` about something `actorId` did, unless it is their own doing or they
 * turned the kind off. With a `groupKey`, an unread notification with the same key is updated
 * (latest actor first, distinct people counted — or every occurrence with `countEach`) instead
 * of adding a row; the partial unique index makes that hold under concurrent writes.
 */
export async function notify(
  tx: Tx,
  input: { recipientId: string; kind: NotificationKind; actorId?: string | null; groupKey?: string; countEach?: boolean; data?: NotificationData; at?: Date },
): Promise<Notified | undefined> {
  if (input.actorId && input.actorId === input.recipientId) return undefined;
  // Nothing reaches across a block, either way.
  if (input.actorId && (await isBlockedEitherWay(tx, input.actorId, input.recipientId))) return undefined;
  const channel = await channelFor(tx, input.recipientId, input.kind);
  if (channel === 'off') return undefined;
  const at = (input.at ?? new Date()).toISOString();
  const actor = input.actorId ? sql`${input.actorId}::uuid` : sql`null::uuid`;
  const data = JSON.stringify(input.data ?? {});
  const [row] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      insert into notifications (recipient_id, kind, group_key, actor_id, actor_ids, actor_count, data, created_at, updated_at)
      values (${input.recipientId}::uuid, ${input.kind}, ${input.groupKey ?? null}, ${actor},
        case when ${actor} is null then '{}'::uuid[] else array[${actor}] end, 1, ${data}::jsonb, ${at}::timestamptz, ${at}::timestamptz)
      on conflict (recipient_id, group_key) where read_at is null and group_key is not null do update set
        actor_id = coalesce(excluded.actor_id, notifications.actor_id),
        actor_ids = (excluded.actor_ids || array_remove(notifications.actor_ids, excluded.actor_id))[1:100],
        actor_count = notifications.actor_count + ${
          input.countEach ? sql`1` : sql`case when excluded.actor_id = any(notifications.actor_ids) then 0 else 1 end`
        },
        data = notifications.data || excluded.data,
        updated_at = excluded.updated_at,
        digested_at = null
      returning id`),
  );
  const notified = { id: row!.id, recipientId: input.recipientId, kind: input.kind, channel };
  for (const listener of listeners) await listener(tx, notified);
  return notified;
}

/** A post's slug and title, and its author, for notifications about it or its comments. */
async function postFacts(tx: Tx, by: { postId?: string; commentId?: string }) {
  if (by.commentId) {
    const [row] = await tx
      .select({ slug: posts.slug, title: posts.title, authorId: posts.authorId, commentAuthorId: comments.authorId })
      .from(comments)
      .innerJoin(posts, eq(posts.id, comments.postId))
      .where(eq(comments.id, by.commentId));
    return row;
  }
  if (!by.postId) return undefined;
  const [row] = await tx.select({ slug: posts.slug, title: posts.title, authorId: posts.authorId }).from(posts).where(eq(posts.id, by.postId));
  return row ? { ...row, commentAuthorId: undefined } : undefined;
}

type EventLike = {
  type: string;
  actorId?: string | null;
  mentorId?: string;
  menteeId?: string;
  requestId?: string;
  mentorshipId?: string;
  data?: Record<string, unknown>;
  at?: Date;
};

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * Who hears about an event, written from the event log's own record in the same transaction
 * (db/queries/events.ts calls this for every event). A message's notification carries the
 * mentorship's id only, never what was said.
 */
export async function notifyFromEvent(tx: Tx, e: EventLike) {
  const d = e.data ?? {};
  const at = e.at;
  const other = (id: string | null | undefined) => (id === e.mentorId ? e.menteeId : e.mentorId);
  switch (e.type) {
    case 'request.sent':
      if (e.mentorId) await notify(tx, { recipientId: e.mentorId, kind: 'request_received', actorId: e.menteeId, data: { requestId: e.requestId }, at });
      return;
    case 'request.accepted':
      if (e.menteeId)
        await notify(tx, { recipientId: e.menteeId, kind: 'request_answered', actorId: e.mentorId, data: { requestId: e.requestId, accepted: true, mentorshipId: e.mentorshipId }, at });
      return;
    case 'request.declined':
      if (e.menteeId)
        await notify(tx, { recipientId: e.menteeId, kind: 'request_answered', actorId: e.mentorId, data: { requestId: e.requestId, accepted: false, reason: str(d.reason) }, at });
      return;
    case 'request.withdrawn':
      if (e.mentorId) await notify(tx, { recipientId: e.mentorId, kind: 'request_withdrawn', actorId: e.menteeId, data: { requestId: e.requestId }, at });
      return;
    case 'offer.sent': {
      const to = other(e.actorId);
      const kind = str(d.kind) === 'proposal' ? 'proposal' : 'offer';
      if (to) await notify(tx, { recipientId: to, kind: 'offer_received', actorId: e.actorId, data: { offerId: str(d.offerId), offerKind: kind }, at });
      return;
    }
    case 'offer.accepted':
    case 'offer.declined': {
      const to = other(e.actorId);
      const kind = str(d.kind) === 'proposal' ? 'proposal' : 'offer';
      if (to)
        await notify(tx, {
          recipientId: to,
          kind: 'offer_answered',
          actorId: e.actorId,
          data: { offerId: str(d.offerId), offerKind: kind, accepted: e.type === 'offer.accepted', mentorshipId: e.mentorshipId },
          at,
        });
      return;
    }
    case 'mentorship.message': {
      const to = other(e.actorId);
      if (to && e.mentorshipId)
        await notify(tx, { recipientId: to, kind: 'message', actorId: e.actorId, groupKey: `message:${e.mentorshipId}`, countEach: true, data: { mentorshipId: e.mentorshipId }, at });
      return;
    }
    case 'comment.created': {
      const post = await postFacts(tx, { postId: str(d.postId) });
      if (!post) return;
      const base = { postSlug: post.slug, postTitle: post.title, commentId: str(d.commentId) };
      const repliesTo = str(d.repliesToId);
      const isReply = Boolean(d.parentId);
      if (isReply && repliesTo) await notify(tx, { recipientId: repliesTo, kind: 'comment_reply', actorId: e.actorId, data: base, at });
      if (!isReply || repliesTo !== post.authorId) await notify(tx, { recipientId: post.authorId, kind: 'post_comment', actorId: e.actorId, data: base, at });
      return;
    }
    case 'reaction.added': {
      const commentId = str(d.commentId);
      const post = await postFacts(tx, { postId: str(d.postId), commentId });
      const to = str(d.targetAuthorId);
      if (!post || !to) return;
      await notify(tx, {
        recipientId: to,
        kind: 'reactions',
        actorId: e.actorId,
        groupKey: commentId ? `reactions:comment:${commentId}` : `reactions:post:${str(d.postId)}`,
        data: { postSlug: post.slug, postTitle: post.title, commentId },
        at,
      });
      return;
    }
    case 'follow.created': {
      const to = str(d.followeeId);
      const day = (at ?? new Date()).toISOString().slice(0, 10);
      if (to) await notify(tx, { recipientId: to, kind: 'new_follower', actorId: e.actorId, groupKey: `followers:${day}`, data: { day }, at });
      return;
    }
    case 'post.published': {
      const postId = str(d.postId);
      if (!postId || !e.actorId) return;
      await notifyFollowersOfPost(tx, e.actorId, postId, at ?? new Date());
      return;
    }
  }
}

/**
 * A new post reaches every follower who has not turned these off — one statement, however many
 * followers. Only in the app (and the digest): it never sends a mail of its own.
 */
async function notifyFollowersOfPost(tx: Tx, authorId: string, postId: string, at: Date) {
  const [post] = await tx.select({ slug: posts.slug, title: posts.title }).from(posts).where(eq(posts.id, postId));
  if (!post) return;
  const fallback = KIND_SETTINGS.followed_post.defaultChannel;
  await tx.execute(sql`
    insert into notifications (recipient_id, kind, actor_id, actor_ids, data, created_at, updated_at)
    select f.follower_id, 'followed_post', ${authorId}::uuid, array[${authorId}::uuid],
      ${JSON.stringify({ postSlug: post.slug, postTitle: post.title })}::jsonb, ${at.toISOString()}::timestamptz, ${at.toISOString()}::timestamptz
    from follows f
    left join notification_settings s on s.user_id = f.follower_id and s.kind = 'followed_post'
    where f.followee_id = ${authorId}::uuid and f.follower_id <> ${authorId}::uuid and coalesce(s.channel, ${fallback}) <> 'off'
      and not exists (select 1 from blocks b
        where (b.blocker_id = f.follower_id and b.blocked_id = ${authorId}::uuid) or (b.blocker_id = ${authorId}::uuid and b.blocked_id = f.follower_id))`);
}

const PAGE = 30;

/** The member's notifications, newest first, with who did it. */
export async function listNotifications(viewerId: string, options: { before?: Date; limit?: number } = {}) {
  const limit = Math.min(options.limit ?? PAGE, 100);
  const rows = await db()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      actorCount: notifications.actorCount,
      data: notifications.data,
      updatedAt: notifications.updatedAt,
      readAt: notifications.readAt,
      actorName: users.displayName,
      actorHandle: users.handle,
      actorAvatarUpdatedAt: users.avatarUpdatedAt,
      actorId: notifications.actorId,
    })
    .from(notifications)
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(and(eq(notifications.recipientId, viewerId), options.before ? lt(notifications.updatedAt, options.before) : undefined))
    .orderBy(desc(notifications.updatedAt), desc(notifications.id))
    .limit(limit + 1);
  return { items: rows.slice(0, limit).map((r) => ({ ...r, data: r.data as NotificationData })), more: rows.length > limit };
}

/** Unread notifications, for the bell. */
export async function countUnread(viewerId: string) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.recipientId, viewerId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the member's notifications read and says where it leads; undefined if not theirs. */
export async function openNotification(viewerId: string, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db()
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.recipientId, viewerId)))
    .returning({ id: notifications.id, kind: notifications.kind, data: notifications.data, actorCount: notifications.actorCount, actorId: notifications.actorId });
  return row;
}

export async function markAllRead(viewerId: string) {
  await db()
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.recipientId, viewerId), isNull(notifications.readAt)));
}

/** Every kind with the member's channel for it. */
export async function getNotificationSettings(viewerId: string): Promise<Record<NotificationKind, Channel>> {
  const rows = await db().select({ kind: notificationSettings.kind, channel: notificationSettings.channel }).from(notificationSettings).where(eq(notificationSettings.userId, viewerId));
  const chosen = new Map(rows.map((r) => [r.kind, r.channel]));
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? KIND_SETTINGS[k].defaultChannel])) as Record<NotificationKind, Channel>;
}

export async function saveNotificationSettings(viewerId: string, settings: Partial<Record<NotificationKind, Channel>>) {
  const entries = Object.entries(settings) as [NotificationKind, Channel][];
  if (entries.length === 0) return;
  const now = new Date();
  await db()
    .insert(notificationSettings)
    .values(entries.map(([kind, channel]) => ({ userId: viewerId, kind, channel, updatedAt: now })))
    .onConflictDoUpdate({ target: [notificationSettings.userId, notificationSettings.kind], set: { channel: sql`excluded.channel`, updatedAt: now } });
}
