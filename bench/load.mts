// npm run load — a production build under a mixed read/write load for a bounded time, then the
// invariants checked in the database (issue 8). It builds (LOAD_SKIP_BUILD=1 reuses .next),
// makes a fresh Postgres database (aog_load_<time>) with the demo community, starts `next start`
// on a free loopback port, creates load members and small-capacity mentors and signs them in
// through Auth.js, then for LOAD_SECONDS:
//   reads  — autocannon, one instance per route group: /, /mentors?q=…, /u/<handle>,
//            /posts/<slug>, /feed (signed in), /insights, /api/insights;
//   writes — virtual users posting the app's own server actions concurrently: requests to the
//            same few mentors, accepts racing for the last slot, declines, withdrawals, ends,
//            messages, goal ticks, follows and unfollows, comments and replies, reactions on/off.
// Then it stops the server, checks the invariants (harness.ts), prints throughput, p50/p99 per
// route group and errors, writes bench/results/load.json and drops the database. Exit 1 when any
// request failed (transport error, timeout, 4xx/5xx) or any invariant is broken.
//
// LOAD_SECONDS (20), LOAD_WRITERS (8 concurrent writers), LOAD_READ_CONNECTIONS (1 per group),
// LOAD_MEMBERS (40), LOAD_MENTORS (4), LOAD_CAPACITY (2), LOAD_ADMIN_URL (postgres://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';
import postgres from 'postgres';
import {
  Actions,
  buildUnlessSkipped,
  checkInvariants,
  createAccounts,
  createDatabase,
  DEFAULT_ADMIN_URL,
  freePort,
  percentile,
  printChecks,
  round,
  seedDemo,
  signInAll,
  startServer,
  waitForHealth,
  type Account,
  type ActionOutcome,
} from './harness';

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number; got "${raw}"`);
  return value;
};
const SECONDS = num('LOAD_SECONDS', 20);
const WRITERS = num('LOAD_WRITERS', 8);
const READ_CONNECTIONS = num('LOAD_READ_CONNECTIONS', 1);
const MEMBERS = num('LOAD_MEMBERS', 40);
const MENTORS = num('LOAD_MENTORS', 4);
const CAPACITY = num('LOAD_CAPACITY', 2);
const ADMIN_URL = process.env.LOAD_ADMIN_URL || DEFAULT_ADMIN_URL;
if (SECONDS > 60) console.warn(`LOAD_SECONDS=${SECONDS}: this machine is shared; keep runs short.`);

const pick = <T,>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const chance = (p: number) => Math.random() < p;
const uuids = (html: string, pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))];

buildUnlessSkipped('LOAD_SKIP_BUILD');
const SERVER_LOG = 'bench/results/load-server.log';
mkdirSync('bench/results', { recursive: true });
writeFileSync(SERVER_LOG, '');

const database = await createDatabase(ADMIN_URL, 'aog_load');
console.log(`Database ${database.name}`);
let server: ReturnType<typeof startServer> | undefined;
let status = 1;
const onSignal = async () => {
  await server?.stop();
  await database.drop();
  process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

try {
  seedDemo(database.url);
  const sql = postgres(database.url, { max: 2, onnotice: () => {} });
  const { mentors, members } = await createAccounts(sql, { members: MEMBERS, mentors: MENTORS, capacity: CAPACITY, prefix: 'load' });
  const everyone = [...mentors, ...members];
  // What reads and writes aim at: a few published posts (so writes collide), their comments,
  // and members to follow (the load mentors and a few demo mentors).
  const posts = await sql<{ id: string; slug: string }[]>`
    select id, slug from posts where status = 'published' and hidden_at is null order by published_at desc limit 4`;
  // Live comments per post: a reply must be to a comment under the same post.
  const comments = new Map<string, string[]>(posts.map((p) => [p.id, []]));
  for (const c of await sql<{ id: string; post_id: string }[]>`select id, post_id from comments where post_id in ${sql(posts.map((p) => p.id))} and deleted_at is null`) {
    comments.get(c.post_id)!.push(c.id);
  }
  const demoMentors = await sql<{ id: string; handle: string }[]>`
    select user_id as id, handle from mentor_profiles where status = 'active' and handle not like 'load\\_%' order by follower_count desc limit 6`;
  const followTargets = [...mentors.map((m) => ({ id: m.id, handle: m.handle })), ...demoMentors];

  const port = await freePort();
  server = startServer({ databaseUrl: database.url, port, authSecret: randomBytes(33).toString('base64'), logFile: SERVER_LOG });
  const health = await waitForHealth(server.url, server);
  console.log(`Server ${server.url} (${health.db}); signing in ${everyone.length} load accounts…`);
  await signInAll(server.url, everyone);
  const actions = new Actions(server.url);
  const base = server.url;

  // ------------------------------------------------------------------------------------------
  // Writes: virtual users in a loop until the deadline.
  type WriteStats = { n: number; ok: number; refused: Map<string, number>; failed: number; ms: number[]; failures: string[] };
  const writeStats = new Map<string, WriteStats>();
  const record = (op: string, o: ActionOutcome) => {
    let s = writeStats.get(op);
    if (!s) writeStats.set(op, (s = { n: 0, ok: 0, refused: new Map(), failed: 0, ms: [], failures: [] }));
    s.n++;
    s.ms.push(o.ms);
    if (o.failed) {
      s.failed++;
      if (s.failures.length < 5) s.failures.push(`${o.status} ${o.message ?? ''}`.slice(0, 300));
    } else if (o.ok) s.ok++;
    else s.refused.set(o.message ?? '?', (s.refused.get(o.message ?? '?') ?? 0) + 1);
    return o;
  };
  /** A page read by a signed-in writer (to find what to act on); counted with the writes' reads. */
  const page = async (op: string, account: Account, path: string) => {
    const started = performance.now();
    try {
      const response = await fetch(`${base}${path}`, { headers: { cookie: account.cookie!, 'x-forwarded-for': account.ip }, redirect: 'manual' });
      const html = await response.text();
      const failed = response.status >= 400;
      record(op, { failed, ok: !failed, ms: performance.now() - started, status: response.status, message: failed ? html.slice(0, 200) : undefined });
      return failed ? '' : html;
    } catch (error) {
      record(op, { status: 0, failed: true, ok: false, ms: performance.now() - started, message: (error as Error).message });
      return '';
    }
  };

  const active = new Map<string, { mentor: Account; mentee: Account }>();
  const GOALS = ['Ship a side project', 'Prepare for a staff interview', 'Give a conference talk', 'Learn to review code kindly'];
  const message = (who: Account) =>
    `Hello, I am ${who.handle}. I have read your posts for a while and would value your help with my next step as an engineer.`;

  const sendRequest = async (op: string, mentee: Account, mentor: Account) =>
    record(
      op,
      await actions.call(mentee, `/u/${mentor.handle}/ask`, 'sendRequestAction', {
        mentorId: mentor.id,
        message: message(mentee),
        goal: [pick(GOALS), pick(GOALS)],
        cadence: pick(['weekly', 'fortnightly', 'monthly']),
        lengthWeeks: String(4 + Math.floor(Math.random() * 20)),
      }),
    );

  const ops: [number, () => Promise<unknown>][] = [
    [24, () => sendRequest('write: send request', pick(members), pick(mentors))],
    [
      14,
      async () => {
        // The mentor reads the inbox and accepts up to three at once: they race for the last slots.
        const mentor = pick(mentors);
        const html = await page('read: /requests (mentor)', mentor, '/requests');
        const pending = uuids(html, /name="requestId" value="([0-9a-f-]{36})"/g).slice(0, 3);
        await Promise.all(
          pending.map(async (requestId) => {
            const o = record('write: accept', await actions.call(mentor, '/requests', 'acceptRequestAction', { requestId }));
            const id = o.redirect && /^\/mentorships\/([0-9a-f-]{36})/.exec(o.redirect)?.[1];
            if (o.ok && id) {
              const mentee = await sql<{ mentee_id: string }[]>`select mentee_id from mentorships where id = ${id}`;
              const account = members.find((m) => m.id === mentee[0]?.mentee_id);
              if (account) active.set(id, { mentor, mentee: account });
            }
          }),
        );
      },
    ],
    [
      4,
      async () => {
        const mentor = pick(mentors);
        const html = await page('read: /requests (mentor)', mentor, '/requests');
        const requestId = uuids(html, /name="requestId" value="([0-9a-f-]{36})"/g).at(-1);
        if (requestId) record('write: decline', await actions.call(mentor, '/requests', 'declineRequestAction', { requestId, reason: 'not_a_fit', note: '' }));
      },
    ],
    [
      4,
      async () => {
        const mentee = pick(members);
        const html = await page('read: /requests (member)', mentee, '/requests');
        const requestId = uuids(html, /name="requestId" value="([0-9a-f-]{36})"/g)[0];
        if (requestId) record('write: withdraw', await actions.call(mentee, '/requests', 'withdrawRequestAction', { requestId }));
      },
    ],
    [
      10,
      async () => {
        const entry = pick([...active.entries()]);
        if (!entry) return;
        const [mentorshipId, pair] = entry;
        const who = chance(0.5) ? pair.mentor : pair.mentee;
        const o = record(
          'write: end mentorship',
          await actions.call(who, `/mentorships/${mentorshipId}`, 'endMentorshipAction', {
            mentorshipId,
            outcome: pick(['completed', 'ended']),
            reason: pick(['goals_met', 'schedule', 'other']),
            rating: String(1 + Math.floor(Math.random() * 5)),
            comment: '',
          }),
        );
        if (o.ok) active.delete(mentorshipId);
      },
    ],
    [
      10,
      async () => {
        const entry = pick([...active.entries()]);
        if (!entry) return;
        const [mentorshipId, pair] = entry;
        const who = chance(0.5) ? pair.mentor : pair.mentee;
        record('write: message', await actions.call(who, `/mentorships/${mentorshipId}`, 'postMessageAction', { mentorshipId, body: `A note from ${who.handle} at ${new Date().toISOString()}.` }));
      },
    ],
    [
      6,
      async () => {
        const entry = pick([...active.entries()]);
        if (!entry) return;
        const [mentorshipId, pair] = entry;
        const who = chance(0.5) ? pair.mentor : pair.mentee;
        const html = await page('read: /mentorships/[id]', who, `/mentorships/${mentorshipId}`);
        const goals = [...html.matchAll(/name="goalId" value="([0-9a-f-]{36})"\/><input type="hidden" name="done" value="([01])"/g)];
        const goal = goals.length ? pick(goals) : undefined;
        if (goal) record('write: tick goal', await actions.call(who, `/mentorships/${mentorshipId}`, 'toggleGoalAction', { mentorshipId, goalId: goal[1]!, done: goal[2]! }));
      },
    ],
    [
      14,
      async () => {
        const follower = pick(everyone);
        const target = pick(followTargets.filter((t) => t.id !== follower.id));
        record('write: follow/unfollow', await actions.call(follower, `/u/${target.handle}`, 'followAction', { memberId: target.id, follow: chance(0.6) ? '1' : '0' }));
      },
    ],
    [
      8,
      async () => {
        const author = pick(everyone);
        const post = pick(posts);
        const under = comments.get(post.id)!;
        const parentId = under.length && chance(0.5) ? pick(under) : '';
        const o = record(
          'write: comment',
          await actions.call(author, `/posts/${post.slug}`, 'addCommentAction', { postId: post.id, parentId, body: `Thanks — a thought from ${author.handle}.` }),
        );
        const id = (o.data as { id?: string } | undefined)?.id;
        if (o.ok && id) under.push(id);
      },
    ],
    [
      14,
      async () => {
        const who = pick(everyone);
        const post = pick(posts);
        const under = comments.get(post.id)!;
        const onComment = under.length > 0 && chance(0.4);
        record(
          'write: reaction on/off',
          await actions.call(who, `/posts/${post.slug}`, 'reactAction', {
            target: onComment ? 'comment' : 'post',
            targetId: onComment ? pick(under) : post.id,
            reaction: `${pick(['like', 'insightful', 'thanks', 'celebrate'])}:${chance(0.7) ? 'on' : 'off'}`,
          }),
        );
      },
    ],
  ];
  const totalWeight = ops.reduce((s, [w]) => s + w, 0);
  const nextOp = () => {
    let r = Math.random() * totalWeight;
    for (const [w, op] of ops) if ((r -= w) < 0) return op;
    return ops[0]![1];
  };

  // ------------------------------------------------------------------------------------------
  // Reads: one autocannon per route group, so each group has its own latency figures.
  const queries = ['react', 'kubernetes', 'career growth', 'system design', 'python', 'leadership', 'data'];
  const handles = [...followTargets.map((t) => t.handle), ...members.slice(0, 5).map((m) => m.handle)];
  const reader = pick(members);
  const groups: { name: string; path: () => string; cookie?: string }[] = [
    { name: 'read: /', path: () => '/' },
    { name: 'read: /mentors?q=…', path: () => `/mentors?q=${encodeURIComponent(pick(queries))}${chance(0.3) ? '&accepting=1' : ''}` },
    { name: 'read: /u/<handle>', path: () => `/u/${pick(handles)}` },
    { name: 'read: /posts/<slug>', path: () => `/posts/${pick(posts).slug}` },
    { name: 'read: /feed (signed in)', path: () => '/feed', cookie: reader.cookie },
    { name: 'read: /insights', path: () => '/insights' },
    { name: 'read: /api/insights', path: () => '/api/insights' },
  ];

  // Before the clock starts: capacity + 1 waiting requests per mentor, sent through the app, so
  // the first accepts already race for the last slot.
  const prepare = mentors.flatMap((mentor, i) => members.slice(i * (CAPACITY + 1), (i + 1) * (CAPACITY + 1)).map((mentee) => [mentee, mentor] as const));
  console.log(`Preparing ${prepare.length} waiting requests…`);
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      for (let job = prepare.shift(); job; job = prepare.shift()) await sendRequest('prepare: send request', job[0], job[1]);
    }),
  );

  console.log(`Load: ${SECONDS}s, ${WRITERS} writers, ${groups.length}×${READ_CONNECTIONS} read connections, ${members.length} members, ${mentors.length} mentors of capacity ${CAPACITY}`);
  const startedAt = Date.now();
  const deadline = startedAt + SECONDS * 1000;
  const readRuns = groups.map(
    (g, i) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: base,
            connections: READ_CONNECTIONS,
            duration: SECONDS,
            timeout: 30,
            headers: { ...(g.cookie ? { cookie: g.cookie } : {}), 'x-forwarded-for': `10.3.0.${i + 1}` },
            requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: g.path() }) }],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
      }),
  );
  const writeRuns = Array.from({ length: WRITERS }, async () => {
    while (Date.now() < deadline) await nextOp()();
  });
  const [readResults] = await Promise.all([Promise.all(readRuns), Promise.all(writeRuns)]);
  const elapsed = (Date.now() - startedAt) / 1000;

  await server.stop();
  server = undefined;

  // ------------------------------------------------------------------------------------------
  // Report
  type Row = { group: string; requests: number; rps: number; p50: number; p99: number; max: number; ok: number; refused: number; failed: number };
  const rows: Row[] = [];
  groups.forEach((g, i) => {
    const r = readResults[i]!;
    const failed = r.errors + r.timeouts + r['4xx'] + r['5xx'];
    rows.push({ group: g.name, requests: r.requests.total, rps: round(r.requests.total / elapsed), p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, ok: r['2xx'] + r['3xx'], refused: 0, failed });
  });
  for (const [op, s] of [...writeStats].filter(([op]) => !op.startsWith('prepare:')).sort()) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    const refused = [...s.refused.values()].reduce((a, b) => a + b, 0);
    rows.push({ group: op, requests: s.n, rps: round(s.n / elapsed), p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN), ok: s.ok, refused, failed: s.failed });
  }
  const total = rows.reduce((s, r) => s + r.requests, 0);
  const failed = rows.reduce((s, r) => s + r.failed, 0) + (writeStats.get('prepare: send request')?.failed ?? 0);
  const writes = rows.filter((r) => r.group.startsWith('write:')).reduce((s, r) => s + r.requests, 0);
  console.log(`\n${total} requests in ${round(elapsed)} s: ${round(total / elapsed)} req/s (${writes} server-action writes); failed: ${failed}`);
  console.table(rows.map((r) => ({ ...r, p50: `${r.p50} ms`, p99: `${r.p99} ms`, max: `${r.max} ms` })));
  for (const [op, s] of writeStats) {
    if (s.refused.size) console.log(`  ${op} refused: ${[...s.refused].map(([m, n]) => `${n}× “${m.slice(0, 70)}”`).join('; ')}`);
    if (s.failures.length) console.log(`  ${op} FAILURES: ${s.failures.join(' | ')}`);
  }

  // ------------------------------------------------------------------------------------------
  // Invariants, and what the clients saw against what the database kept.
  const loadIds = everyone.map((a) => a.id);
  const checks = await checkInvariants(sql, loadIds);
  const okCount = (op: string) => writeStats.get(op)?.ok ?? 0;
  const [db] = await sql<{ requests: number; accepted: number; declined: number; withdrawn: number; mentorships: number; ended: number; messages: number; comments: number }[]>`
    select
      (select count(*)::int from mentorship_requests where mentee_id = any(${loadIds}::uuid[])) as requests,
      (select count(*)::int from mentorship_requests where mentee_id = any(${loadIds}::uuid[]) and status = 'accepted') as accepted,
      (select count(*)::int from mentorship_requests where mentee_id = any(${loadIds}::uuid[]) and status = 'declined') as declined,
      (select count(*)::int from mentorship_requests where mentee_id = any(${loadIds}::uuid[]) and status = 'withdrawn') as withdrawn,
      (select count(*)::int from mentorships where mentor_id = any(${loadIds}::uuid[])) as mentorships,
      (select count(*)::int from mentorships where mentor_id = any(${loadIds}::uuid[]) and status <> 'active') as ended,
      (select count(*)::int from mentorship_messages where author_id = any(${loadIds}::uuid[])) as messages,
      (select count(*)::int from comments where author_id = any(${loadIds}::uuid[])) as comments`;
  const reconcile: [string, number, number][] = [
    ['requests sent (client successes = rows)', okCount('write: send request') + okCount('prepare: send request'), db!.requests],
    ['accepts (client successes = accepted requests)', okCount('write: accept'), db!.accepted],
    ['accepts (client successes = mentorships)', okCount('write: accept'), db!.mentorships],
    ['declines', okCount('write: decline'), db!.declined],
    ['withdrawals', okCount('write: withdraw'), db!.withdrawn],
    ['mentorships ended', okCount('write: end mentorship'), db!.ended],
    ['messages', okCount('write: message'), db!.messages],
    ['comments', okCount('write: comment'), db!.comments],
  ];
  for (const [name, client, rowsInDb] of reconcile) {
    checks.push({ name: `client and database agree: ${name}`, violations: client === rowsInDb ? 0 : 1, sample: client === rowsInDb ? [] : [{ client, database: rowsInDb }] });
  }
  const [{ full } = { full: 0 }] = await sql<{ full: number }[]>`
    select count(*)::int as full from mentor_profiles where user_id = any(${loadIds}::uuid[]) and active_mentee_count = capacity`;
  await sql.end({ timeout: 5 });

  console.log(`\nInvariants (${db!.requests} requests, ${db!.mentorships} mentorships, ${full}/${mentors.length} load mentors full at the end):`);
  const broken = printChecks(checks);

  // What the server itself logged as errors (a refusal is not one; a thrown error is).
  const serverErrors = readFileSync(SERVER_LOG, 'utf8').split('\n').filter((l) => /error|unhandled|exception/i.test(l));
  console.log(`Server log ${SERVER_LOG}: ${serverErrors.length} error line(s)${serverErrors.length ? `, e.g. ${serverErrors.slice(0, 3).join(' | ')}` : ''}`);
  writeFileSync(
    'bench/results/load.json',
    JSON.stringify(
      {
        at: new Date().toISOString(),
        settings: { seconds: SECONDS, writers: WRITERS, readConnectionsPerGroup: READ_CONNECTIONS, members: MEMBERS, mentors: MENTORS, capacity: CAPACITY },
        elapsedSeconds: round(elapsed, 2),
        requests: total,
        requestsPerSecond: round(total / elapsed),
        failed,
        groups: rows,
        refusals: Object.fromEntries([...writeStats].map(([op, s]) => [op, Object.fromEntries(s.refused)])),
        failures: Object.fromEntries([...writeStats].filter(([, s]) => s.failures.length).map(([op, s]) => [op, s.failures])),
        database: db,
        serverLogErrorLines: serverErrors.slice(0, 50),
        invariants: checks,
      },
      null,
      2,
    ),
  );
  console.log(`\nWrote bench/results/load.json. ${failed === 0 && broken === 0 ? 'PASS' : `FAIL: ${failed} failed request(s), ${broken} broken invariant(s)`}`);
  status = failed === 0 && broken === 0 ? 0 : 1;
} catch (error) {
  console.error(`\nLoad run failed: ${(error as Error).stack ?? error}\n`);
} finally {
  await server?.stop();
  await database.drop();
}
process.exit(status);
