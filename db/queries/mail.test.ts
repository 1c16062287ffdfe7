import { and, eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db';
import { mailOutbox, mentorProfiles, mentorshipRequests, notifications, users } from '@/db/schema';
import { startMailServer, type MailServer } from '@/db/testing/mail-server';
import { createTestDatabase } from '@/db/testing/test-database';
import { parseEnv } from '@/lib/env';
import { transportFromEnv, type MailTransport } from '@/lib/mail';
import { addComment } from './comments';
import { readUnsubscribeLink, registerMailQueue, runMailJobs, THREAD_BATCH_MS, unsubscribe } from './mail';
import { postMessage } from './mentorships';
import { getNotificationSettings, markAllRead } from './notifications';
import { createPost } from './posts';
import { acceptRequest, declineRequest, sendRequest } from './requests';

// Before anything reads the environment: links in mails, and the key unsubscribe tokens are signed with.
process.env.APP_URL = 'http://app.test';
process.env.AUTH_SECRET = 'mail-test-secret-mail-test-secret-0123456789';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let database: Database;
let server: MailServer;
let transport: MailTransport;
/** Every mail the SMTP server accepted, in order. */
let delivered: ParsedMail[];

let n = 0;
async function member(name = `Member ${n + 1}`) {
  n++;
  const [row] = await database.db
    .insert(users)
    .values({ handle: `m_member_${n}`, displayName: name, email: `m${n}@example.com`, passwordHash: null })
    .returning({ id: users.id, email: users.email });
  return row!;
}

async function mentor(name?: string) {
  const row = await member(name);
  await database.db.insert(mentorProfiles).values({ userId: row.id, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 10 });
  return row;
}

const REQUEST_TEXT = 'Hello! I would like to learn how to lead a team well; your posts convinced me to ask you.';
async function ask(menteeId: string, mentorId: string) {
  const sent = await sendRequest(menteeId, { mentorId, message: REQUEST_TEXT, goal: ['Lead a team'], cadence: 'weekly', lengthWeeks: 8 });
  if (!sent.ok) throw new Error(sent.message);
  return sent.id;
}

const to = (email: string) => delivered.filter((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === email));
/** A header as sent, unfolded (mailparser turns List-* headers into objects). */
const header = (mail: ParsedMail, key: string) =>
  mail.headerLines
    .find((l) => l.key === key)
    ?.line.replace(/^[^:]+:\s*/, '')
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
const tokenIn = (mail: ParsedMail) => decodeURIComponent(/\/unsubscribe\?token=([^\s]+)/.exec(mail.text ?? '')![1]!);
const jobs = (now?: Date) => runMailJobs({ now, transport });

beforeAll(async () => {
  database = await createTestDatabase();
  registerMailQueue();
  server = await startMailServer();
  delivered = server.delivered;
  // Configured the way an operator would: SMTP_URL and MAIL_FROM.
  transport = transportFromEnv(parseEnv({ SMTP_URL: server.url, MAIL_FROM: 'Ask or Grow <no-reply@app.test>' } as unknown as NodeJS.ProcessEnv));
});
afterAll(async () => {
  await server.close();
  await database.close();
});

describe('immediate mail', () => {
  it('tells a mentor of a request by e-mail, with a text part, a link and a working unsubscribe link', async () => {
    const m = await mentor('Grace Mentor');
    // A display name is the member's own text: it must reach the HTML escaped.
    const e = await member('Zoë <script>alert(1)</script>');
    await ask(e.id, m.id);
    const counts = await jobs();
    expect(counts.sent).toBe(1);

    const [mail, ...more] = to(m.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Zoë <script>alert(1)</script> asked you for a mentorship');
    expect(mail!.from?.text).toContain('no-reply@app.test');
    expect(mail!.text).toContain('Hello Grace Mentor,');
    expect(mail!.text).toContain('http://app.test/requests');
    expect(mail!.html).toContain('Zoë &lt;script&gt;alert(1)&lt;/script&gt; asked you for a mentorship');
    expect(mail!.html).not.toContain('<script>');
    // What the mentee wrote is for the mentor to read on the site, not in a mail.
    expect(mail!.text).not.toContain(REQUEST_TEXT);
    expect(header(mail!, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(mail!, 'list-unsubscribe')).toMatch(/^<http:\/\/app\.test\/unsubscribe\/one-click\?token=[\w.%-]+>$/);

    // The link works without signing in: it names the kind, and the button turns it off.
    const token = tokenIn(mail!);
    expect(await readUnsubscribeLink(token)).toMatchObject({ ok: true, scope: 'request_received', emailed: true });
    expect(await unsubscribe(token)).toMatchObject({ ok: true, emailed: false });
    const settings = await getNotificationSettings(m.id);
    expect(settings.request_received).toBe('in_app');
    expect(settings.request_answered).toBe('email');

    // The next request is still shown in the app, but sends no mail.
    const other = await member();
    await ask(other.id, m.id);
    expect((await jobs()).sent).toBe(0);
    expect(to(m.email)).toHaveLength(1);
    const rows = await database.db.select().from(notifications).where(and(eq(notifications.recipientId, m.id), eq(notifications.kind, 'request_received')));
    expect(rows).toHaveLength(2);
  });

  it('refuses a tampered unsubscribe link and one for a member who is gone', async () => {
    const m = await mentor();
    const e = await member();
    await ask(e.id, m.id);
    await jobs();
    const token = tokenIn(to(m.email)[0]!);
    const [payload, signature] = token.split('.');
    const tampered = `${Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('request_received', 'message')).toString('base64url')}.${signature}`;
    expect(await unsubscribe(tampered)).toEqual({ ok: false });
    expect(await unsubscribe('nonsense')).toEqual({ ok: false });
    expect(await unsubscribe(undefined)).toEqual({ ok: false });
    expect((await getNotificationSettings(m.id)).message).toBe('email');
    expect((await getNotificationSettings(m.id)).request_received).toBe('email');

    // A well-signed link outlives its member: it leads to the "not valid" page, not an error.
    await database.db.delete(users).where(eq(users.id, m.id));
    expect(await readUnsubscribeLink(token)).toEqual({ ok: false });
    expect(await unsubscribe(token)).toEqual({ ok: false });
  });

  it('tells the mentee of a decline, with the reason but never the private note; the one-click POST turns it off', async () => {
    const m = await mentor('Ada Mentor');
    const e = await member();
    const requestId = await ask(e.id, m.id);
    await declineRequest(m.id, { requestId, reason: 'no_capacity', note: 'PRIVATE-NOTE-do-not-mail' });
    await jobs();
    const [mail, ...more] = to(e.email);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Ada Mentor declined your request (no capacity right now)');
    expect(mail!.text).not.toContain('PRIVATE-NOTE');

    // RFC 8058: the mail client POSTs to the List-Unsubscribe address, no session, no page.
    const { POST } = await import('@/app/unsubscribe/one-click/route');
    const url = header(mail!, 'list-unsubscribe')!.slice(1, -1);
    const body = new URLSearchParams({ 'List-Unsubscribe': 'One-Click' });
    expect((await POST(new Request(url.replace(/[A-Za-z0-9_-]{6}$/, 'AAAAAA'), { method: 'POST', body }))).status).toBe(400);
    expect((await getNotificationSettings(e.id)).request_answered).toBe('email');
    const response = await POST(new Request(url, { method: 'POST', body }));
    expect(response.status).toBe(200);
    expect((await getNotificationSettings(e.id)).request_answered).toBe('in_app');
  });
});

describe('messages', () => {
  it('sends at most one mail per thread per 15 minutes, and never what was written', async () => {
    const m = await mentor('Lin Mentor');
    const e = await member('Sam Mentee');
    const requestId = await ask(e.id, m.id);
    const accepted = await acceptRequest(m.id, requestId);
    if (!accepted.ok) throw new Error(accepted.code);
    await jobs();
    const before = to(m.email).length;

    await postMessage(e.id, accepted.mentorshipId, 'SECRET-BODY-1 about my salary');
    const t0 = new Date();
    await jobs(t0);
    const first = to(m.email).slice(before);
    expect(first.map((x) => x.subject)).toEqual(['New message from Sam Mentee']);
    expect(first[0]!.text).toContain(`http://app.test/mentorships/${accepted.mentorshipId}`);

    await postMessage(e.id, accepted.mentorshipId, 'SECRET-BODY-2');
    await postMessage(e.id, accepted.mentorshipId, 'SECRET-BODY-3');
    // Both wait in one mail, due 15 minutes after the first went out.
    const waiting = await database.db
      .select({ sendAfter: mailOutbox.sendAfter, status: mailOutbox.status })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.recipientId, m.id), eq(mailOutbox.threadKey, `message:${accepted.mentorshipId}`), eq(mailOutbox.status, 'pending')));
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.sendAfter.getTime()).toBe(t0.getTime() + THREAD_BATCH_MS);

    await jobs(new Date(t0.getTime() + 5 * MINUTE));
    await jobs(new Date(t0.getTime() + 14 * MINUTE));
    expect(to(m.email).length - before).toBe(1);
    await jobs(new Date(t0.getTime() + 15 * MINUTE + 1000));
    const all = to(m.email).slice(before);
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toBe('3 new messages from Sam Mentee');

    // The reply goes the other way, in a thread of its own.
    await postMessage(m.id, accepted.mentorshipId, 'SECRET-BODY-4 reply');
    await jobs(new Date(t0.getTime() + 16 * MINUTE));
    expect(to(e.email).map((x) => x.subject)).toContain('New message from Lin Mentor');

    for (const mail of delivered) {
      expect(`${mail.subject} ${mail.text} ${mail.html}`).not.toMatch(/SECRET-BODY|salary/);
    }
  });
});

describe('daily digest', () => {
  it('lists unread replies and comments in one mail a day, and its link turns the digest off', async () => {
    const author = await member('Olu Author');
    const b = await member('Bea Reader');
    const c = await member('Cal Reader');
    const saved = await createPost(author.id, { title: 'On feedback', body: 'Some thoughts on giving feedback.', tags: [], intent: 'publish' });
    const postId = saved.id;
    const comment = await addComment(b.id, { postId, body: 'Thank you for this.' });
    if (!comment.ok) throw new Error(comment.message);
    await addComment(author.id, { postId, parentId: comment.id, body: 'Glad it helped.' });
    await addComment(c.id, { postId, body: 'I disagree with the second point.' });

    // Nothing goes at once: digest kinds wait.
    await jobs();
    expect(to(author.email)).toHaveLength(0);
    expect(to(b.email)).toHaveLength(0);

    const later = new Date(Date.now() + 2 * 60 * MINUTE);
    const counts = await jobs(later);
    expect(counts.digests).toBe(2);
    const [digest, ...more] = to(author.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe('Ask or Grow: 2 things you have not seen yet');
    expect(digest!.text).toContain('Bea Reader commented on “On feedback”');
    expect(digest!.text).toContain('Cal Reader commented on “On feedback”');
    expect(digest!.text).not.toContain('I disagree');
    expect(to(b.email).map((x) => x.text)).toEqual([expect.stringContaining('Olu Author replied to your comment on “On feedback”')]);

    // The same day, however often the job runs, nothing more — even with something new.
    await addComment(c.id, { postId, parentId: comment.id, body: 'Another thought.' });
    expect((await jobs(new Date(later.getTime() + 3 * 60 * MINUTE))).digests).toBe(0);
    expect(to(author.email)).toHaveLength(1);

    // Read in the app, it is not news the next day.
    await markAllRead(author.id);
    expect((await jobs(new Date(later.getTime() + DAY + MINUTE))).digests).toBe(1);
    expect(to(author.email)).toHaveLength(1);

    const token = tokenIn(digest!);
    expect(await unsubscribe(token)).toMatchObject({ ok: true, scope: 'digest' });
    const settings = await getNotificationSettings(author.id);
    expect([settings.comment_reply, settings.post_comment]).toEqual(['in_app', 'in_app']);
    expect(settings.request_received).toBe('email');
  });
});

describe('reminders', () => {
  it('remind mentors at 3 and 10 days and warn the mentee before expiry, once, with two jobs running at once', async () => {
    const m = await mentor('Rae Mentor');
    const e1 = await member('Ivo Mentee');
    const e2 = await member('Jo Mentee');
    const e3 = await member('Kim Mentee');
    const r1 = await ask(e1.id, m.id);
    const r2 = await ask(e2.id, m.id);
    const r3 = await ask(e3.id, m.id);
    await jobs();
    const mailsBefore = { mentor: to(m.email).length, e1: to(e1.email).length, e2: to(e2.email).length, e3: to(e3.email).length };
    const fresh = () => ({
      mentor: to(m.email).slice(mailsBefore.mentor).map((x) => x.subject),
      e1: to(e1.email).slice(mailsBefore.e1).map((x) => x.subject),
      e2: to(e2.email).slice(mailsBefore.e2).map((x) => x.subject),
      e3: to(e3.email).slice(mailsBefore.e3).map((x) => x.subject),
    });

    const now = Date.now();
    const age = (id: string, days: number) =>
      database.db
        .update(mentorshipRequests)
        .set({ createdAt: new Date(now - days * DAY), expiresAt: new Date(now + (14 - days) * DAY) })
        .where(eq(mentorshipRequests.id, id));
    await age(r1, 4); // the 3-day reminder
    await age(r2, 11.5); // the 10-day reminder, and the mentee's "expires in 3 days"
    await age(r3, 1); // nothing yet

    // Two instances' jobs at the same moment (on Postgres, on separate connections).
    const runs = await Promise.all([jobs(), jobs()]);
    expect(runs.reduce((s, r) => s + r.reminders, 0)).toBe(2);
    expect(runs.reduce((s, r) => s + r.expiryWarnings, 0)).toBe(1);
    const expected = {
      mentor: ['Ivo Mentee’s request has been waiting 3 days for your answer', 'Jo Mentee’s request has been waiting 10 days for your answer'],
      e1: [],
      e2: ['Your request to Rae Mentor expires in 3 days without an answer'],
      e3: [],
    };
    const sorted = (f: ReturnType<typeof fresh>) => ({ ...f, mentor: [...f.mentor].sort() });
    expect(sorted(fresh())).toEqual(expected);

    // Again, and three at once: nothing new, in the app or by mail.
    await jobs();
    await Promise.all([jobs(), jobs(), jobs()]);
    expect(sorted(fresh())).toEqual(expected);
    const reminders = await database.db
      .select({ data: notifications.data })
      .from(notifications)
      .where(and(eq(notifications.recipientId, m.id), eq(notifications.kind, 'request_received')));
    expect(reminders.map((r) => (r.data as { reminder?: number }).reminder).filter(Boolean).sort((a, b) => a! - b!)).toEqual([3, 10]);

    // Three days on: r2 has expired and is reminded of no more; r3 is now 4 days old.
    const later = await Promise.all([jobs(new Date(now + 3 * DAY)), jobs(new Date(now + 3 * DAY))]);
    expect(later.reduce((s, r) => s + r.expired, 0)).toBeGreaterThanOrEqual(1);
    const [r2row] = await database.db.select({ status: mentorshipRequests.status }).from(mentorshipRequests).where(eq(mentorshipRequests.id, r2));
    expect(r2row!.status).toBe('expired');
    expect(sorted(fresh())).toEqual({ ...expected, mentor: [...expected.mentor, 'Kim Mentee’s request has been waiting 3 days for your answer'].sort() });
  });
});
