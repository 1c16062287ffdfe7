import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import type { ParsedMail } from 'mailparser';
import postgres from 'postgres';
import {
  createAccounts,
  createDatabase,
  freePort,
  PASSWORD,
  run,
  signIn as signInByFetch,
  sleep,
  startServer,
  waitForHealth,
  type Account,
  type Server,
  type Sql,
} from '../bench/harness';
import { startMailServer, type MailServer } from '../db/testing/mail-server';
import { header, publishPost, signIn, TRY_AGAIN, wellInsideWindow } from './fixtures';

/*
 * "More than one machine": two production servers, started from the same build, share one
 * Postgres and nothing else — no memory, no files, no sticky sessions. Whatever one instance
 * writes or counts, the other must see; what both run on a timer must happen once.
 *
 * Defined only when the e2e run is on Postgres (e2e/run.mts says which in E2E_DB_KIND, and the
 * server's address is DATABASE_URL): PGlite is one process's database (db/lock.ts), so there is
 * no second instance to start.
 */
const adminUrl = process.env.DATABASE_URL;
const onPostgres = process.env.E2E_DB_KIND === 'postgres' && !!adminUrl;

// Each instance runs the jobs at start and then every second instead of every minute, so the
// test sees many runs of both overlap without waiting minutes.
const JOBS_INTERVAL_SECONDS = 1;
// A slow mail server: one instance is still sending while the other's next run starts.
const SMTP_DELAY_MS = 200;

const DAY_MS = 24 * 60 * 60 * 1000;
const REQUEST_MESSAGE = 'Hello! I would like to learn how to run a team well, and your posts convinced me to ask you.';

(onPostgres ? test.describe : () => {})('two instances on one Postgres', () => {
  // One pair of servers for the group, in one worker, test after test.
  test.describe.configure({ mode: 'default' });

  let database: Awaited<ReturnType<typeof createDatabase>>;
  let sql: Sql;
  let smtp: MailServer;
  let a: Server;
  let b: Server;
  const logs: Record<'A' | 'B', string> = { A: '', B: '' };
  let members: Account[];
  let mentors: Account[];
  /** Work that was due before the servers started. */
  let atStart: { expiredRequest: string; waitingRequest: string };

  /** A pending request from `mentee` to `mentor`, written as if sent long ago. */
  async function pendingRequest(mentee: Account, mentor: Account, sentDaysAgo: number, expiresInDays: number) {
    const now = Date.now();
    const [row] = await sql<{ id: string }[]>`
      insert into mentorship_requests (mentee_id, mentor_id, message, goals, cadence, length_weeks, warmth, created_at, expires_at)
      values (${mentee.id}, ${mentor.id}, ${REQUEST_MESSAGE}, ${sql.array(['Lead a team'])}, 'weekly', 8, 'cold',
        ${new Date(now - sentDaysAgo * DAY_MS)}, ${new Date(now + expiresInDays * DAY_MS)})
      returning id`;
    return row!.id;
  }

  /** Mail already queued and due, as an action would have left it in the outbox. */
  async function queueMail(to: Account, subject: string) {
    await sql`
      insert into mail_outbox (recipient_id, kind, dedupe_key, subject, text, html, send_after)
      values (${to.id}, 'request_answered', ${`instances:${randomBytes(6).toString('hex')}`}, ${subject},
        ${`${subject}.`}, ${`<p>${subject}.</p>`}, now() - interval '1 minute')`;
  }

  const address = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined);
  const deliveredList = () => smtp.delivered.map((m) => `${address(m)} ${m.subject}`).sort();

  /** Every row of the outbox, as "<to> <subject>", and how it ended. */
  async function outbox() {
    const rows = await sql<{ line: string; status: string; attempts: number }[]>`
      select u.email || ' ' || o.subject as line, o.status, o.attempts from mail_outbox o join users u on u.id = o.recipient_id order by 1`;
    return { lines: rows.map((r) => r.line).sort(), unsent: rows.filter((r) => r.status !== 'sent' || r.attempts !== 1) };
  }

  const count = async (query: postgres.PendingQuery<{ n: number }[]>) => (await query)[0]!.n;

  /** What each instance's jobs did, summed from its log ("mail job: expired 1, … sent 4, failed 0"). */
  function jobCounts(server: 'A' | 'B') {
    const totals: Record<string, number> = {};
    for (const [, counts] of readFileSync(logs[server], 'utf8').matchAll(/mail job: (.*)/g)) {
      for (const [, key, n] of counts!.matchAll(/(\w+) (\d+)/g)) totals[key!] = (totals[key!] ?? 0) + Number(n);
    }
    return totals;
  }

  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(240_000);
    smtp = await startMailServer({ delayMs: SMTP_DELAY_MS });
    database = await createDatabase(adminUrl!, 'aog_inst');
    // As an operator would before the first start (each instance also migrates when it starts).
    if (run('npx', ['tsx', 'db/scripts/migrate.mts'], { ...process.env, DATABASE_URL: database.url }) !== 0) throw new Error('migrating failed');
    sql = postgres(database.url, { max: 2, onnotice: () => {} });
    ({ members, mentors } = await createAccounts(sql, { members: 4, mentors: 2, capacity: 5, prefix: `inst${randomBytes(2).toString('hex')}` }));

    // Due before either instance starts: both will find it in their first run.
    for (const [i, member] of members.entries()) await queueMail(member, `Queued before start ${i + 1}`);
    atStart = {
      // Past its expiry: the job expires it (an event) without telling anyone.
      expiredRequest: await pendingRequest(members[0]!, mentors[0]!, 20, -1 / 24),
      // Twelve days waiting, two left: the mentor is reminded and the mentee warned (a
      // notification and a mail each).
      waitingRequest: await pendingRequest(members[1]!, mentors[1]!, 12, 2),
    };

    // Both at the same moment, as a deploy starts them: same build, database, secret, mail server.
    const [portA, portB] = [await freePort(), await freePort()];
    const authSecret = randomBytes(33).toString('base64');
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'Ask or Grow <no-reply@instances.test>', JOBS_INTERVAL_SECONDS: String(JOBS_INTERVAL_SECONDS) };
    logs.A = testInfo.outputPath('instance-a.log');
    logs.B = testInfo.outputPath('instance-b.log');
    a = startServer({ databaseUrl: database.url, port: portA, authSecret, logFile: logs.A, env });
    b = startServer({ databaseUrl: database.url, port: portB, authSecret, logFile: logs.B, env });
    for (const [name, server] of [['A', a], ['B', b]] as const) {
      try {
        expect(await waitForHealth(server.url, server, 90_000)).toEqual({ status: 'ok', db: 'postgres' });
      } catch (error) {
        throw new Error(`instance ${name}: ${(error as Error).message}\n${readFileSync(logs[name], 'utf8').slice(-3000)}`);
      }
    }
  });

  test.afterAll(async () => {
    test.setTimeout(60_000);
    await Promise.all([a?.stop(), b?.stop()]);
    await smtp?.close();
    await sql?.end({ timeout: 5 });
    await database?.drop();
  });

  /** A page whose relative addresses go to `server`. */
  const pageOn = async (browser: Browser, server: Server) => (await browser.newContext({ baseURL: server.url })).newPage();

  test('what one instance writes, the other reads at once', async ({ browser }) => {
    test.setTimeout(120_000);
    // The staleness we accept: none to speak of. No instance caches pages or query results for
    // these reads (every page is rendered per request from Postgres), and an action answers only
    // after its transaction commits, so the other instance shows the write on its first request.
    // The bound this test holds them to is 2 s: a read asked later than that must see the write
    // (a cache like the insights' 30 s one on these pages would fail). A read counts by when it
    // was asked, not when it was answered: a page's first render on a busy machine takes seconds.
    async function expectSeenWithin2s(what: string, read: () => Promise<boolean>) {
      const deadline = Date.now() + 2_000;
      let asked: number;
      do {
        asked = Date.now();
        if (await read()) return;
        await sleep(100);
      } while (asked < deadline);
      throw new Error(`${what}: not seen by a read asked 2 s after the write`);
    }
    const [author, reader] = [members[2]!, members[3]!];

    const onA = await pageOn(browser, a);
    await signIn(onA, author.email, PASSWORD);
    await expect(header(onA).getByText(`Load ${author.handle}`)).toBeVisible();
    const title = `Notes from two machines ${randomBytes(3).toString('hex')}`;
    const path = await publishPost(onA, { title });

    // Read through B by a visitor: the post's page and the author's profile.
    const visitorOnB = await pageOn(browser, b);
    await expectSeenWithin2s(`the post on B`, async () => (await visitorOnB.request.get(path)).ok());
    await expectSeenWithin2s(`the post on the author's profile on B`, async () => (await (await visitorOnB.request.get(`/u/${author.handle}`)).text()).includes(title));
    await visitorOnB.goto(path);
    await expect(visitorOnB.getByRole('heading', { level: 1 })).toHaveText(title);

    // And the other way round: a comment written through B is read through A.
    const onB = await pageOn(browser, b);
    await signIn(onB, reader.email, PASSWORD);
    await expect(header(onB).getByText(`Load ${reader.handle}`)).toBeVisible();
    await onB.goto(path);
    const comment = `Read on the other machine ${randomBytes(3).toString('hex')}`;
    await onB.getByLabel('Add to the discussion').fill(comment);
    await onB.getByRole('button', { name: 'Post comment' }).click();
    await expect(onB.getByRole('list', { name: 'Comments' })).toContainText(comment);
    await expectSeenWithin2s('the comment on A', async () => (await (await onA.request.get(path)).text()).includes(comment));
    await onA.goto(path);
    await expect(onA.getByRole('list', { name: 'Comments' }).getByRole('article', { name: `Load ${reader.handle}` })).toContainText(comment);
  });

  test('a session made by signing in on one instance works on the other', async () => {
    // Sessions are JWTs signed with the shared AUTH_SECRET: no session store, no sticky routing.
    const member = members[0]!;
    const cookie = await signInByFetch(a.url, member);
    const settings = (server: Server, withCookie: boolean) =>
      fetch(`${server.url}/settings`, { redirect: 'manual', headers: withCookie ? { cookie, 'x-forwarded-for': member.ip } : {} });
    for (const server of [a, b]) {
      const signedIn = await settings(server, true);
      expect(signedIn.status, server.url).toBe(200);
      const html = await signedIn.text();
      expect(html).toMatch(/<h1[^>]*>Settings<\/h1>/);
      expect(html).toContain(member.email);
      // Without the cookie the same page sends a visitor to sign in: the cookie is what let B in.
      const visitor = await settings(server, false);
      expect(visitor.status).toBe(307);
      expect(visitor.headers.get('location')).toContain('/signin');
    }
  });

  test('the sign-in limit counts the attempts on both instances together', async ({ browser }) => {
    test.setTimeout(300_000);
    // Twelve sign-ins through the browser take over a minute on a busy machine.
    await wellInsideWindow(15 * 60, 150);
    const member = members[1]!;
    // One guesser, one address, going through both instances as a load balancer would send them.
    const from = `10.99.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 254)}`;
    const pages = { A: await pageOn(browser, a), B: await pageOn(browser, b) };
    // The limit is 10 wrong passwords per account in 15 minutes (lib/rate-limits.ts): five on
    // each instance. Counted apart, each would have seen only five and let the next one in.
    for (let i = 1; i <= 10; i++) {
      const page = i % 2 ? pages.A : pages.B;
      await signIn(page, member.handle, `wrong password ${i}`, from);
      await expect(page.getByRole('status'), `attempt ${i}, on ${i % 2 ? 'A' : 'B'}`).toHaveText('E-mail, handle or password is incorrect.');
    }
    // The eleventh attempt, and the twelfth, each on a different instance: both refused, even with
    // the right password, exactly as one instance alone refuses the eleventh (e2e/rate-limits.spec.ts).
    for (const [name, page] of Object.entries(pages)) {
      await signIn(page, member.email, PASSWORD, from);
      await expect(page.getByRole('status'), `on ${name}`).toHaveText(TRY_AGAIN);
      await expect(page).toHaveURL(/\/signin$/);
    }
  });

  test('the scheduled jobs run once, not twice: work due at start, and work due while both run', async () => {
    test.setTimeout(120_000);
    const settled = { timeout: 60_000, intervals: [250, 500, 1_000] };
    const events = (requestId: string) =>
      count(sql`select count(*)::int as n from events where type = 'request.expired' and request_id = ${requestId}`);
    const notifications = (recipient: Account, kind: string, requestId: string) =>
      count(sql`select count(*)::int as n from notifications where recipient_id = ${recipient.id} and kind = ${kind} and data->>'requestId' = ${requestId}`);

    // What was due before the two started (the queued mails, the stale request, the one waiting
    // twelve days): done once, whichever instance's run came first.
    await expect.poll(() => events(atStart.expiredRequest), settled).toBe(1);
    const [status] = await sql<{ status: string }[]>`select status from mentorship_requests where id = ${atStart.expiredRequest}`;
    expect(status!.status).toBe('expired');
    await expect.poll(() => notifications(mentors[1]!, 'request_received', atStart.waitingRequest), settled).toBe(1);
    await expect.poll(() => notifications(members[1]!, 'request_expiring', atStart.waitingRequest), settled).toBe(1);
    // Four queued mails, the reminder and the warning.
    await expect.poll(() => smtp.delivered.length, settled).toBeGreaterThanOrEqual(6);

    // More work falls due while both instances run their jobs every second.
    for (const [i, member] of members.entries()) await queueMail(member, `Queued while running ${i + 1}`);
    const expiredWhileRunning = await pendingRequest(members[2]!, mentors[1]!, 15, -1 / 24 / 60);
    await expect.poll(() => events(expiredWhileRunning), settled).toBe(1);
    await expect.poll(() => smtp.delivered.length, settled).toBeGreaterThanOrEqual(10);

    // Let both instances run a few more times: nothing may go out again.
    await sleep(4 * JOBS_INTERVAL_SECONDS * 1000 + SMTP_DELAY_MS * 10);
    const { lines, unsent } = await outbox();
    expect(lines).toHaveLength(10);
    // Each row claimed once (attempts 1) and sent; the mail server got each exactly once.
    expect(unsent).toEqual([]);
    expect(deliveredList()).toEqual(lines);
    expect(await events(atStart.expiredRequest)).toBe(1);
    expect(await events(expiredWhileRunning)).toBe(1);
    expect(await notifications(mentors[1]!, 'request_received', atStart.waitingRequest)).toBe(1);
    expect(await notifications(members[1]!, 'request_expiring', atStart.waitingRequest)).toBe(1);

    // Who did what (one instance may have done it all; the split varies from run to run): the
    // counts the two logged add up to once.
    const [jobsA, jobsB] = [jobCounts('A'), jobCounts('B')];
    test.info().annotations.push({ type: 'jobs', description: `A: ${JSON.stringify(jobsA)}; B: ${JSON.stringify(jobsB)}` });
    expect((jobsA.sent ?? 0) + (jobsB.sent ?? 0)).toBe(10);
    expect((jobsA.expired ?? 0) + (jobsB.expired ?? 0)).toBe(2);
  });
});
