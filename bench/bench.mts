// npm run bench — key pages of a production build on the large data set, each as a share of what
// the framework itself serves on this machine (issue 9).
//
// One command, from a clean clone: builds (BENCH_SKIP_BUILD=1 reuses .next), makes sure the large
// data set exists (db/seed/large.ts; kept between runs while seed and size stay the same), starts
// `next start` on a free loopback port with BENCH_BASELINE=1 (which turns on /bench/baseline),
// signs in the reader (follows 200 people) and enough writers for the comment limit, then drives
// each target with autocannon for BENCH_SECONDS after a short warm-up, one target at a time:
//   baseline   /bench/baseline — a dynamic page of the same build rendering one line of text
//   pages      /, /mentors with a search and with filters, /u/<mentor>, /posts/<long thread>,
//              /feed signed in, /insights
//   write      posting a comment (the app's own server action, as the browser posts it)
// It prints a table (req/s, p50, p99, errors, share of the baseline) and writes it as JSON to
// bench/results/bench-<engine>.json. Exit 1 when a request failed.
//
//   --engine postgres|pglite   where the data lives (pglite: a copy of the data set in a folder)
//   --scale large|medium|<fraction>, --seed N   the data set (default large, seed 1)
//   --seconds N (10), --connections N (10), --only name,name   to narrow a run
//   --profile   the server runs under `node --cpu-prof`; afterwards, where its time went (self time by
//               part of the stack, and the busiest functions) — best with --only and one page
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { DEFAULT_LARGE_DATABASE_URL, ensureLargeDataset, LARGE_FIXTURES, scaleOf } from '@/db/seed/large';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { Actions, buildUnlessSkipped, createAccounts, freePort, round, signIn, signInAll, startServer, waitForHealth, type Account } from './harness';
import { copyToPglite } from './pglite-copy';
import { explainPages } from './plans';
import { summarizeProfile } from './profile-summary';
import { fromPostgres, setDatabase } from '@/db';
import { runMailJobs } from '@/db/queries/mail';
import type { MailTransport } from '@/lib/mail';

const { values: flags } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    scale: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '1' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '10' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const engine = flags.engine === 'pglite' ? 'pglite' : 'postgres';
if (flags.engine !== engine) throw new Error(`--engine must be postgres or pglite; got "${flags.engine}"`);
const SECONDS = Number(flags.seconds);
const CONNECTIONS = Number(flags.connections);
const SEED = Number(flags.seed);
const scale = scaleOf(flags.scale!);
const postgresUrl = process.env.BENCH_DATABASE_URL || DEFAULT_LARGE_DATABASE_URL;

const RESULTS = 'bench/results';
mkdirSync(RESULTS, { recursive: true });
const log = (message: string) => console.log(message);

buildUnlessSkipped('BENCH_SKIP_BUILD');

log(`Data set: scale ${flags.scale} (${scale}), seed ${SEED}, in ${postgresUrl}`);
const dataset = await ensureLargeDataset(postgresUrl, { seed: SEED, scale, log });
log(dataset.reused ? 'Reusing the data set made earlier.' : `Data set made in ${round(dataset.marker.seconds ?? 0)} s.`);

// The plans of every statement the key pages send, on this data.
const plansFile = `${RESULTS}/plans-postgres${flags.scale === 'large' ? '' : `-${flags.scale}`}.txt`;
const plans = await explainPages(postgresUrl, plansFile);
for (const p of plans) {
  log(`  ${p.page.padEnd(48)} ${String(p.statements).padStart(2)} statements  ${p.ms.toFixed(1).padStart(7)} ms in Postgres${p.seqScans.length ? `  SEQ SCAN on ${p.seqScans.join(', ')}` : ''}`);
}
log(`Plans written to ${plansFile}`);

// The scheduled job's backlog first (requests of the data set expiring by now, their warnings
// and reminders), as a site that has been running would have no backlog: otherwise the server's
// first run renders thousands of mails in the middle of the measurements. Mail goes nowhere.
{
  const database = fromPostgres(postgresUrl, { max: 2 });
  setDatabase(database);
  const discard: MailTransport = { name: 'log', send: async () => {} };
  for (let round = 0; round < 100; round++) {
    const counts = await runMailJobs({ transport: discard });
    if (Object.values(counts).every((n) => n === 0)) break;
    if (round === 0) log(`Clearing the scheduled job's backlog: ${JSON.stringify(counts)}`);
  }
  setDatabase(undefined);
  await database.close();
}

const sql = postgres(postgresUrl, { max: 2, onnotice: () => {} });
// Writers: fresh accounts for this run (a month old, so the ordinary limits apply), removed at the
// end with their comments. The comment limit is 9 per 30 s per member, so there are enough of them
// for every request of the write target to be within it.
const only = flags.only?.split(',').map((s) => s.trim());
// Only a run that writes needs writers (signing them in is a lot of hashing, which would also
// blur a profile of the read pages).
const WRITE_TARGET = 'write: comment';
const writes = !only || only.some((o) => WRITE_TARGET.startsWith(o));
const WRITERS = writes ? Math.max(50, Math.ceil((SECONDS + 5) * 400 / 9 / 3)) : 0;
const prefix = `bw${randomBytes(3).toString('hex')}`;
const { members: writers } = WRITERS ? await createAccounts(sql, { members: WRITERS, mentors: 0, capacity: 1, prefix }) : { members: [] as Account[] };
const [target] = await sql<{ id: string; slug: string }[]>`
  select p.id, p.slug from posts p join users u on u.id = p.author_id
  where u.handle = ${LARGE_FIXTURES.mentor.handle} and p.status = 'published' and p.slug <> ${LARGE_FIXTURES.longThread.slug}
  order by p.published_at desc limit 1`;
if (!target) throw new Error('the data set has no second post by the benchmark mentor to comment on');

let databaseUrl = postgresUrl;
let pglite: Awaited<ReturnType<typeof copyToPglite>> | undefined;
if (engine === 'pglite') {
  // A fresh copy each run, writers included; the server opens it as its embedded database.
  log('Copying the data set into PGlite…');
  pglite = await copyToPglite(postgresUrl, { log });
  databaseUrl = '';
}

const port = await freePort();
const authSecret = randomBytes(33).toString('base64');
process.env.BENCH_BASELINE = '1';
if (pglite) process.env.DATA_DIR = pglite.dataDir;
const profileDir = flags.profile ? mkdtempSync(path.join(os.tmpdir(), 'aog-profile-')) : undefined;
const server = startServer({ databaseUrl, port, authSecret, logFile: `${RESULTS}/bench-server.log`, profileDir });
let status = 1;
const cleanup = async () => {
  await server.stop();
  await sql`delete from users where handle like ${`${prefix}\\_%`}`;
  await sql.end({ timeout: 5 });
  pglite?.remove();
};
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));

type Row = { name: string; path: string; signedIn: boolean; render: boolean; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number; ratio?: number };
const rows: Row[] = [];
try {
  const health = await waitForHealth(server.url, server);
  log(`Server ${server.url} (${health.db}); signing in the reader and ${WRITERS} writers…`);
  const reader: Account = { id: '', handle: LARGE_FIXTURES.reader.handle, email: LARGE_FIXTURES.reader.email, role: 'member', ip: '10.9.0.1' };
  reader.cookie = await signIn(server.url, { ...reader }, DEMO_PASSWORD);
  await signInAll(server.url, writers);
  const actions = new Actions(server.url);

  type Target = { name: string; path: string; cookie?: string; write?: boolean; render?: boolean };
  const reads: Target[] = [
    { name: 'baseline', path: '/bench/baseline' },
    // The same bare page for a member: the session and the member's header, and nothing else.
    { name: 'baseline (signed in)', path: '/bench/baseline', cookie: reader.cookie },
    { name: 'home', path: '/' },
    { name: 'mentors: search', path: '/mentors?q=kubernetes' },
    { name: 'mentors: filters', path: '/mentors?tag=react&tag=typescript&lang=en&accepting=1&prefers=grow' },
    { name: 'profile', path: `/u/${LARGE_FIXTURES.mentor.handle}` },
    { name: 'post: long thread', path: `/posts/${LARGE_FIXTURES.longThread.slug}` },
    { name: 'feed (signed in)', path: '/feed', cookie: reader.cookie },
    { name: 'insights', path: '/insights' },
    { name: WRITE_TARGET, path: `/posts/${target.slug}`, write: true },
  ];
  // The same signed-out pages rendered every time (a forced reload skips the one-second page
  // cache): what each costs to make, for the README's profile; not held to the budget.
  for (const t of [...reads]) {
    if (!t.cookie && !t.write && t.name !== 'baseline') reads.push({ ...t, name: `${t.name} (render)`, render: true });
  }
  // A profile is of the pages named alone: the baseline's requests would blur it.
  const targets = reads.filter((t) => !only || (t.name === 'baseline' && !flags.profile) || only.some((o) => t.name.startsWith(o)));

  // The comment, as React's client posts a form bound with useActionState (see harness Actions).
  const boundary = '----aogbench';
  const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  let written = 0;
  const commentBody = () => {
    written++;
    return (
      part('_1_postId', target.id) +
      part('_1_body', `Benchmark comment ${written}: thanks for writing this up, the part about trade-offs was useful.`) +
      part('0', JSON.stringify([{ ok: false, error: '' }, '$K1'])) +
      `--${boundary}--\r\n`
    );
  };

  const drive = (t: Target, seconds: number) =>
    new Promise<autocannon.Result & { bodyFailures: number }>((resolve, reject) => {
      let bodyFailures = 0;
      let turn = 0;
      const instance = autocannon(
        {
          url: `${server.url}${t.path}`,
          connections: CONNECTIONS,
          duration: seconds,
          timeout: 10,
          headers: { ...(t.cookie ? { cookie: t.cookie } : {}), ...(t.render ? { 'cache-control': 'no-cache' } : {}) },
          requests: t.write
            ? [
                {
                  method: 'POST',
                  setupRequest: (request) => {
                    const writer = writers[turn++ % writers.length]!;
                    return {
                      ...request,
                      headers: {
                        ...request.headers,
                        accept: 'text/x-component',
                        'content-type': `multipart/form-data; boundary=${boundary}`,
                        'next-action': actions.id('addCommentAction'),
                        origin: server.url,
                        cookie: writer.cookie!,
                        'x-forwarded-for': writer.ip,
                      },
                      body: commentBody(),
                    };
                  },
                  onResponse: (statusCode, body) => {
                    // A refused action still answers 200: the result must say ok.
                    if (statusCode === 200 && !body.includes('"ok":true')) bodyFailures++;
                  },
                },
              ]
            : undefined,
        },
        (error, result) => (error ? reject(error) : resolve({ ...result, bodyFailures })),
      );
      autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
    });

  for (const t of targets) {
    // Sanity first: the page answers 200 with content (a redirect to sign-in would be fast and wrong).
    if (!t.write) {
      const response = await fetch(`${server.url}${t.path}`, { headers: { ...(t.cookie ? { cookie: t.cookie } : {}), ...(t.render ? { 'cache-control': 'no-cache' } : {}) }, redirect: 'manual' });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${t.path} answered ${response.status}`);
      log(`${t.name.padEnd(20)} ${t.path} — ${Math.round(html.length / 1024)} KiB, Cache-Control: ${response.headers.get('cache-control')}`);
    }
    await drive(t, 2);
    const r = await drive(t, SECONDS);
    const errors = r.errors + r.timeouts + r.bodyFailures;
    rows.push({
      name: t.name,
      path: t.path,
      signedIn: Boolean(t.cookie || t.write),
      render: Boolean(t.render),
      requests: r.requests.total,
      rps: round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors,
      non2xx: r.non2xx,
    });
  }
  const baseline = rows.find((r) => r.name === 'baseline');
  for (const r of rows) r.ratio = baseline ? round(r.rps / baseline.rps, 2) : Number.NaN;

  const READ_SHARE = 0.5;
  const P99_MS = 150;
  // Writes and forced renders are measured, not budgeted: the budget is for pages as served.
  const budgeted = (r: Row) => !r.name.startsWith('baseline') && !r.render && !r.name.startsWith('write');
  const meets = (r: Row) => (budgeted(r) ? r.ratio! >= READ_SHARE && r.p99 <= P99_MS && r.errors + r.non2xx === 0 : r.errors + r.non2xx === 0);
  const table = [
    ['target', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs baseline', 'budget'],
    ...rows.map((r) => [r.name, r.rps.toFixed(0), String(r.p50), String(r.p99), String(r.errors + r.non2xx), `${Math.round(r.ratio! * 100)}%`, !budgeted(r) ? '' : meets(r) ? 'met' : 'MISSED']),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  console.log('\n' + table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n'));
  const [newComments] = await sql<{ n: number }[]>`select count(*)::int as n from comments c join users u on u.id = c.author_id where u.handle like ${`${prefix}\\_%`}`;
  if (engine === 'postgres') log(`\n${newComments!.n} comments written by the benchmark's writers.`);

  const result = {
    date: new Date().toISOString(),
    engine,
    dataset: { scale: flags.scale, seed: SEED, rows: dataset.marker.rows },
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { seconds: SECONDS, connections: CONNECTIONS, budget: { readShareOfBaseline: READ_SHARE, p99Ms: P99_MS } },
    rows: rows.map((r) => ({ ...r, budgetMet: budgeted(r) ? meets(r) : undefined })),
    plans,
  };
  // A narrowed or profiled run does not replace the full table's file.
  const resultsFile = `${RESULTS}/bench-${engine}${flags.profile ? '-profile' : only ? '-partial' : ''}.json`;
  writeFileSync(resultsFile, JSON.stringify(result, null, 2) + '\n');
  log(`Written to ${resultsFile}`);
  status = rows.some((r) => r.errors + r.non2xx > 0) ? 1 : 0;
} finally {
  await cleanup();
}
if (profileDir) {
  // The profile is written as the server exits (cleanup stopped it).
  const [file] = readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no CPU profile into ${profileDir}`);
  const summary = summarizeProfile(path.join(profileDir, file));
  log(`\nWhere the server's time went (${summary.busySeconds} s of CPU, self time, whole run incl. start-up and warm-up):`);
  for (const p of summary.parts) log(`  ${String(p.percent).padStart(5)}%  ${p.part}`);
  log('Busiest functions:');
  for (const f of summary.functions) log(`  ${String(f.percent).padStart(5)}%  ${f.function}\n           from ${f.calledFrom.join(', ')}`);
  writeFileSync(`${RESULTS}/profile-${engine}.json`, JSON.stringify({ date: new Date().toISOString(), only: flags.only ?? null, ...summary }, null, 2) + '\n');
  rmSync(profileDir, { recursive: true, force: true });
}
process.exit(status);
