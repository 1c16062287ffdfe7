import 'server-only';
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db, rowsOf } from '@/db';
import { mailOutbox, NOTIFICATION_KINDS, notifications, users, type NotificationKind } from '@/db/schema';
import { appUrl } from '@/lib/env';
import { mailTransport, renderMail, type MailItem, type MailTransport } from '@/lib/mail';
import { describe, KIND_SETTINGS, type NotificationData } from '@/lib/notifications';
import { createUnsubscribeToken, verifyUnsubscribeToken, type UnsubscribeScope } from '@/lib/unsubscribe';
import type { Tx } from './events';
import { channelFor, getNotificationSettings, notify, onNotified, saveNotificationSettings, type Notified } from './notifications';
import { expireStaleRequests } from './requests';

/*
 * The mail side of notifications. Every mail is first a row in mail_outbox, written in the
 * transaction of whatever caused it; a job (runMailJobs, every minute on every instance) writes
 * reminders and digests, then claims due rows and sends them. Unique dedupe keys and row locks
 * make each step safe to run on several instances at once.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Mails about one mentorship thread go out at most once per this long. */
export const THREAD_BATCH_MS = 15 * MINUTE;
/** Reminders to a mentor about a request still waiting, by its age in days. */
export const REMINDER_DAYS = [3, 10] as const;
/** The mentee is told this many days before their request expires. */
export const EXPIRY_WARNING_DAYS = 3;
/** A claimed mail is another instance's to retry only after this long. */
const LEASE = '2 minutes';
const MAX_ATTEMPTS = 5;
const CLAIM_BATCH = 50;
/** A digest waits until something in it has been unread this long: time to see it in the app first. */
const DIGEST_GRACE_MS = HOUR;
/** Older unread notifications are not news: a digest never reaches back further. */
const DIGEST_WINDOW_DAYS = 7;
const DIGEST_MAX_ITEMS = 30;

export const DIGEST_KINDS = NOTIFICATION_KINDS.filter((k) => KIND_SETTINGS[k].mail === 'digest');
const DIGEST_ABOUT = 'Daily digest of replies, comments, reactions, followers and new posts';

const iso = (d: Date) => d.toISOString();

// The kinds' default channels as SQL, for members who never chose (constants, not input).
const defaultChannelSql = sql.raw(`(case n.kind ${NOTIFICATION_KINDS.map((k) => `when '${k}' then '${KIND_SETTINGS[k].defaultChannel}'`).join(' ')} end)`);
const digestKindsSql = sql.raw(`(${DIGEST_KINDS.map((k) => `'${k}'`).join(', ')})`);

const tokenQuery = (userId: string, scope: UnsubscribeScope) => `token=${encodeURIComponent(createUnsubscribeToken(userId, scope))}`;
export const unsubscribeUrl = (userId: string, scope: UnsubscribeScope) => `${appUrl()}/unsubscribe?${tokenQuery(userId, scope)}`;
export const oneClickUrl = (userId: string, scope: UnsubscribeScope) => `${appUrl()}/unsubscribe/one-click?${tokenQuery(userId, scope)}`;
const settingsUrl = () => `${appUrl()}/settings#notifications-heading`;

const scopeAbout = (scope: UnsubscribeScope) => (scope === 'digest' ? DIGEST_ABOUT : KIND_SETTINGS[scope].label);
const isScope = (kind: string): kind is UnsubscribeScope => kind === 'digest' || (NOTIFICATION_KINDS as readonly string[]).includes(kind);

const actor = alias(users, 'actor');

/**
 * Queues the e-mail for a notification just written, in its transaction: kinds that mail at
 * once, for members who chose e-mail and have an address. The mail says what describe() says —
 * who did what, and a link — never a message's words.
 */
async function enqueueMail(tx: Tx, notified: Notified) {
  if (notified.channel !== 'email' || KIND_SETTINGS[notified.kind].mail !== 'immediate') return;
  const [row] = await tx
    .select({
      data: notifications.data,
      actorCount: notifications.actorCount,
      at: notifications.updatedAt,
      actorName: actor.displayName,
      email: users.email,
      recipientName: users.displayName,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.recipientId))
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .where(eq(notifications.id, notified.id));
  if (!row || !row.email.includes('@')) return;
  const { recipientId, kind } = notified;
  const data = row.data as NotificationData;
  const { text, href } = describe({ kind, actorName: row.actorName ?? undefined, actorCount: row.actorCount, data });
  const mail = renderMail({
    subject: text,
    recipientName: row.recipientName,
    intro: kind === 'message' ? 'Open the conversation on Ask or Grow to read and answer.' : undefined,
    items: [{ text, url: `${appUrl()}${href}` }],
    reason: `You get this e-mail because “${KIND_SETTINGS[kind].label}” is set to e-mail in your settings.`,
    unsubscribeUrl: unsubscribeUrl(recipientId, kind),
    settingsUrl: settingsUrl(),
  });

  if (kind === 'message' && data.mentorshipId) {
    await enqueueThreadMail(tx, { recipientId, mentorshipId: data.mentorshipId, at: row.at, mail });
    return;
  }
  // Reminders and warnings get keys of their own, so however many runs write them, one mail goes.
  const dedupeKey =
    kind === 'request_received' && data.reminder
      ? `reminder:${data.requestId}:${data.reminder}`
      : kind === 'request_expiring'
        ? `expiring:${data.requestId}`
        : `notification:${notified.id}`;
  await tx
    .insert(mailOutbox)
    .values({ recipientId, kind, dedupeKey, ...mail, sendAfter: row.at, createdAt: row.at })
    .onConflictDoNothing({ target: mailOutbox.dedupeKey });
}

/**
 * Messages in one mentorship are batched: while a mail for the thread is waiting, it is updated
 * ("3 new messages from …") instead of adding another, and a new one waits until 15 minutes
 * after the last went out. Its dedupe key names the mail it follows, so two messages written
 * at once still make one row.
 */
async function enqueueThreadMail(
  tx: Tx,
  input: { recipientId: string; mentorshipId: string; at: Date; mail: { subject: string; text: string; html: string } },
) {
  const threadKey = `message:${input.mentorshipId}`;
  const thread = and(eq(mailOutbox.recipientId, input.recipientId), eq(mailOutbox.threadKey, threadKey));
  const [waiting] = await tx
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(and(thread, eq(mailOutbox.status, 'pending')))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1)
    .for('update');
  if (waiting) {
    await tx.update(mailOutbox).set(input.mail).where(and(eq(mailOutbox.id, waiting.id), eq(mailOutbox.status, 'pending')));
    return;
  }
  const [previous] = await tx
    .select({ id: mailOutbox.id, status: mailOutbox.status, sentAt: mailOutbox.sentAt })
    .from(mailOutbox)
    .where(and(thread, ne(mailOutbox.status, 'pending')))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  let sendAfter = input.at;
  // One being sent right now counts as sent now; one that failed never reached the member.
  if (previous && previous.status !== 'failed') {
    const next = new Date((previous.sentAt ?? input.at).getTime() + THREAD_BATCH_MS);
    if (next > sendAfter) sendAfter = next;
  }
  await tx
    .insert(mailOutbox)
    .values({
      recipientId: input.recipientId,
      kind: 'message',
      threadKey,
      dedupeKey: `message:${input.recipientId}:${input.mentorshipId}:after:${previous?.id ?? 'none'}`,
      ...input.mail,
      sendAfter,
      createdAt: input.at,
    })
    .onConflictDoUpdate({ target: mailOutbox.dedupeKey, set: input.mail, setWhere: sql`${mailOutbox.status} = 'pending'` });
}

/**
 * Makes notify() queue mail. Call once per process before anything is notified (db/startup.ts;
 * tests call it too); calling again does nothing.
 */
export function registerMailQueue() {
  onNotified(enqueueMail);
}

/**
 * Reminds mentors of requests waiting 3 and 10 days (an in-app notification, and a mail through
 * the queue for those who want one). The request rows are locked, skipping those another run
 * holds, and the check for an earlier reminder is made again once the lock is held — a run that
 * read before another committed would otherwise remind twice.
 */
async function remindMentors(now: Date) {
  return db().transaction(async (tx) => {
    const [first, second] = REMINDER_DAYS;
    const dueDays = sql`(case when r.created_at <= ${iso(now)}::timestamptz - make_interval(days => ${second}::int) then ${second}::int else ${first}::int end)`;
    const reminded = (days: SQL) => sql`exists (
      select 1 from notifications n
      where n.recipient_id = r.mentor_id and n.kind = 'request_received' and n.data->>'requestId' = r.id::text
        and (n.data->>'reminder')::int >= ${days})`;
    const due = rowsOf<{ id: string; mentor_id: string; mentee_id: string; days: number }>(
      await tx.execute(sql`
        select r.id, r.mentor_id, r.mentee_id, ${dueDays} as days
        from mentorship_requests r
        where r.status = 'pending' and r.expires_at > ${iso(now)}::timestamptz
          and r.created_at <= ${iso(now)}::timestamptz - make_interval(days => ${first}::int)
          and not ${reminded(dueDays)}
        order by r.created_at
        limit 500
        for no key update of r skip locked`),
    );
    let count = 0;
    for (const r of due) {
      const days = Number(r.days);
      const [again] = rowsOf(await tx.execute(sql`select 1 from mentorship_requests r where r.id = ${r.id}::uuid and ${reminded(sql`${days}::int`)}`));
      if (again) continue;
      const notified = await notify(tx, { recipientId: r.mentor_id, kind: 'request_received', actorId: r.mentee_id, data: { requestId: r.id, reminder: days }, at: now });
      if (notified) count++;
    }
    return count;
  });
}

/** Tells mentees their request expires in 3 days without an answer; once per request, like the reminders. */
async function warnExpiring(now: Date) {
  return db().transaction(async (tx) => {
    const warned = sql`exists (
      select 1 from notifications n
      where n.recipient_id = r.mentee_id and n.kind = 'request_expiring' and n.data->>'requestId' = r.id::text)`;
    const due = rowsOf<{ id: string; mentor_id: string; mentee_id: string; expires_at: string | Date }>(
      await tx.execute(sql`
        select r.id, r.mentor_id, r.mentee_id, r.expires_at
        from mentorship_requests r
        where r.status = 'pending' and r.expires_at > ${iso(now)}::timestamptz
          and r.expires_at <= ${iso(now)}::timestamptz + make_interval(days => ${EXPIRY_WARNING_DAYS}::int)
          and not ${warned}
        order by r.expires_at
        limit 500
        for no key update of r skip locked`),
    );
    let count = 0;
    for (const r of due) {
      const [again] = rowsOf(await tx.execute(sql`select 1 from mentorship_requests r where r.id = ${r.id}::uuid and ${warned}`));
      if (again) continue;
      const expiresAt = new Date(r.expires_at).toISOString();
      const notified = await notify(tx, { recipientId: r.mentee_id, kind: 'request_expiring', actorId: r.mentor_id, data: { requestId: r.id, expiresAt }, at: now });
      if (notified) count++;
    }
    return count;
  });
}

/** The unread, undigested notifications a member wants in their digest (as SQL conditions on `n`). */
const digestCandidates = (now: Date) => sql`
  n.kind in ${digestKindsSql} and n.read_at is null and n.digested_at is null
  and n.updated_at > ${iso(now)}::timestamptz - make_interval(days => ${DIGEST_WINDOW_DAYS}::int)
  and n.updated_at <= ${iso(now)}::timestamptz
  and coalesce((select s.channel from notification_settings s where s.user_id = n.recipient_id and s.kind = n.kind), ${defaultChannelSql}) = 'email'`;

const recentDigest = (userId: SQL, now: Date) => sql`exists (
  select 1 from mail_outbox o where o.recipient_id = ${userId} and o.kind = 'digest' and o.created_at > ${iso(now)}::timestamptz - interval '24 hours')`;

/**
 * One mail a day at most, per member, listing what they were told about in the app but have not
 * read (replies, comments, reactions, followers, new posts), for the kinds they get by e-mail.
 * It goes once something has waited an hour unread and the last digest is a day old. The member's
 * row is locked while theirs is written, and the dedupe key `digest:<member>:<day>` holds on top.
 */
async function writeDigests(now: Date) {
  const due = rowsOf<{ recipient_id: string }>(
    await db().execute(sql`
      select n.recipient_id from notifications n
      where ${digestCandidates(now)} and not ${recentDigest(sql`n.recipient_id`, now)}
      group by n.recipient_id
      having min(n.updated_at) <= ${iso(new Date(now.getTime() - DIGEST_GRACE_MS))}::timestamptz
      limit 1000`),
  );
  let count = 0;
  for (const { recipient_id: userId } of due) {
    const written = await db().transaction(async (tx) => {
      const [member] = await tx
        .select({ email: users.email, name: users.displayName })
        .from(users)
        .where(eq(users.id, userId))
        .for('no key update');
      if (!member?.email.includes('@')) return false;
      // Read again under the lock: another run may just have written this member's digest.
      const [recent] = rowsOf(await tx.execute(sql`select ${recentDigest(sql`${userId}::uuid`, now)} as yes`)) as { yes: boolean }[];
      if (recent?.yes) return false;
      const items = rowsOf<{ id: string; kind: NotificationKind; data: NotificationData; actor_count: number; actor_name: string | null }>(
        await tx.execute(sql`
          select n.id, n.kind, n.data, n.actor_count, a.display_name as actor_name
          from notifications n left join users a on a.id = n.actor_id
          where n.recipient_id = ${userId}::uuid and ${digestCandidates(now)}
          order by n.updated_at desc
          for update of n`),
      );
      if (items.length === 0) return false;
      const base = appUrl();
      const lines: MailItem[] = items.slice(0, DIGEST_MAX_ITEMS).map((n) => {
        const { text, href } = describe({ kind: n.kind, actorName: n.actor_name ?? undefined, actorCount: Number(n.actor_count), data: n.data });
        return { text, url: `${base}${href}` };
      });
      const rest = items.length - lines.length;
      const mail = renderMail({
        subject: `Ask or Grow: ${items.length} ${items.length === 1 ? 'thing' : 'things'} you have not seen yet`,
        recipientName: member.name,
        intro: 'Since your last digest:',
        items: lines,
        outro: { text: rest > 0 ? `And ${rest} more in your notifications` : 'All your notifications', url: `${base}/notifications` },
        reason: `You get this e-mail because you chose e-mail for ${describeKinds(items.map((n) => n.kind))} in your settings.`,
        unsubscribeUrl: unsubscribeUrl(userId, 'digest'),
        settingsUrl: settingsUrl(),
      });
      const [inserted] = await tx
        .insert(mailOutbox)
        .values({ recipientId: userId, kind: 'digest', dedupeKey: `digest:${userId}:${iso(now).slice(0, 10)}`, ...mail, sendAfter: now, createdAt: now })
        .onConflictDoNothing({ target: mailOutbox.dedupeKey })
        .returning({ id: mailOutbox.id });
      if (!inserted) return false;
      await tx
        .update(notifications)
        .set({ digestedAt: now })
        .where(inArray(notifications.id, items.map((n) => n.id)));
      return true;
    });
    if (written) count++;
  }
  return count;
}

const describeKinds = (kinds: NotificationKind[]) =>
  [...new Set(kinds)].map((k) => `“${KIND_SETTINGS[k].label}”`).join(', ');

type Claimed = { id: string; recipient_id: string; kind: string; subject: string; text: string; html: string; attempts: number; email: string | null };

/**
 * Claims due mail (and mail whose sender's lease ran out) with FOR UPDATE SKIP LOCKED, so two
 * instances never take the same row, and sends it. A failure goes back to the queue with a
 * growing delay; after five attempts the mail is given up.
 */
async function sendDueMail(clock: () => Date, transport: MailTransport) {
  let sent = 0;
  let failed = 0;
  for (let round = 0; round < 20; round++) {
    const now = clock();
    const claimed = rowsOf<Claimed>(
      await db().execute(sql`
        with claimed as (
          update mail_outbox set status = 'sending', lease_until = ${iso(now)}::timestamptz + interval '${sql.raw(LEASE)}', attempts = attempts + 1
          where id in (
            select id from mail_outbox
            where (status = 'pending' and send_after <= ${iso(now)}::timestamptz) or (status = 'sending' and lease_until < ${iso(now)}::timestamptz)
            order by send_after
            limit ${CLAIM_BATCH}::int
            for update skip locked)
          returning id, recipient_id, kind, subject, text, html, attempts)
        select c.*, u.email from claimed c left join users u on u.id = c.recipient_id`),
    );
    for (const mail of claimed) {
      const attempts = Number(mail.attempts);
      const mine = sql`id = ${mail.id}::uuid and status = 'sending' and attempts = ${attempts}`;
      // Settings may have changed since the mail was queued (a batched one waits up to 15 minutes).
      const wanted =
        mail.email?.includes('@') &&
        isScope(mail.kind) &&
        (mail.kind === 'digest' || (await channelFor(db(), mail.recipient_id, mail.kind)) === 'email');
      if (!wanted) {
        await db().execute(sql`update mail_outbox set status = 'failed', lease_until = null, error = 'not sent: no address, or the member turned these e-mails off' where ${mine}`);
        failed++;
        continue;
      }
      try {
        await transport.send({
          to: mail.email!,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          oneClickUrl: oneClickUrl(mail.recipient_id, mail.kind as UnsubscribeScope),
        });
        await db().execute(sql`update mail_outbox set status = 'sent', sent_at = ${iso(clock())}::timestamptz, lease_until = null, error = null where ${mine}`);
        sent++;
      } catch (error) {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const giveUp = attempts >= MAX_ATTEMPTS;
        await db().execute(sql`
          update mail_outbox set status = ${giveUp ? 'failed' : 'pending'}, lease_until = null, error = ${message},
            send_after = ${iso(new Date(clock().getTime() + 2 ** attempts * MINUTE))}::timestamptz
          where ${mine}`);
        if (giveUp) failed++;
      }
    }
    if (claimed.length < CLAIM_BATCH) break;
  }
  return { sent, failed };
}

export type MailJobCounts = { expired: number; reminders: number; expiryWarnings: number; digests: number; sent: number; failed: number };

/**
 * Everything the mail job does, in order: expire stale requests, remind mentors, warn mentees,
 * write digests, send what is due. Safe to run on several instances at once and as often as
 * liked; `now` and `transport` are for tests.
 */
export async function runMailJobs(options: { now?: Date; transport?: MailTransport } = {}): Promise<MailJobCounts> {
  const clock = options.now ? () => options.now! : () => new Date();
  const transport = options.transport ?? mailTransport();
  const expired = await expireStaleRequests(clock());
  const reminders = await remindMentors(clock());
  const expiryWarnings = await warnExpiring(clock());
  const digests = await writeDigests(clock());
  const { sent, failed } = await sendDueMail(clock, transport);
  return { expired, reminders, expiryWarnings, digests, sent, failed };
}

export type UnsubscribeLink = { ok: true; scope: UnsubscribeScope; about: string; emailed: boolean } | { ok: false };

/** What an unsubscribe link is about, and whether those mails still go out; `ok: false` for a bad link. */
export async function readUnsubscribeLink(token: string | undefined): Promise<UnsubscribeLink> {
  const link = verifyUnsubscribeToken(token);
  if (!link) return { ok: false };
  const [member] = await db().select({ id: users.id }).from(users).where(eq(users.id, link.userId));
  if (!member) return { ok: false };
  const settings = await getNotificationSettings(link.userId);
  const kinds = link.scope === 'digest' ? DIGEST_KINDS : [link.scope];
  return { ok: true, scope: link.scope, about: scopeAbout(link.scope), emailed: kinds.some((k) => settings[k] === 'email') };
}

/**
 * Turns off the e-mails a signed link is about — no sign-in needed, the signature is the proof.
 * The kinds stay in the app; a kind already off stays off.
 */
export async function unsubscribe(token: string | undefined): Promise<UnsubscribeLink> {
  const link = await readUnsubscribeLink(token);
  if (!link.ok) return link;
  const { userId } = verifyUnsubscribeToken(token)!;
  const settings = await getNotificationSettings(userId);
  const kinds = link.scope === 'digest' ? DIGEST_KINDS : [link.scope];
  await saveNotificationSettings(userId, Object.fromEntries(kinds.filter((k) => settings[k] === 'email').map((k) => [k, 'in_app'])));
  return { ...link, emailed: false };
}

/** The latest mails queued or sent, for the development outbox page. */
export async function listRecentMail(limit = 50) {
  return db()
    .select({
      id: mailOutbox.id,
      to: users.email,
      kind: mailOutbox.kind,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      error: mailOutbox.error,
      sendAfter: mailOutbox.sendAfter,
      sentAt: mailOutbox.sentAt,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .innerJoin(users, eq(users.id, mailOutbox.recipientId))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(Math.min(limit, 200));
}
