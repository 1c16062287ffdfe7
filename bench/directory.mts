// npm run bench:directory — 20 representative directory queries against the configured
// database (make the data first: npm run db:seed -- --mentors 10000 --members 50000), each run
// many times: p50/p95 of the database time, and whether the plans use indexes.
// Budget (issue 3): p95 ≤ 20 ms per query on Postgres at 10,000 mentors; no filtered query
// reads the whole mentor_profiles table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { database } from '@/db';
import { directoryStatements } from '@/db/queries/mentors';
import { parseDirectoryQuery } from '@/lib/validation/directory';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;
const BUDGET_P95_MS = 20;

const db = database();
const mentors = (await db.raw<{ mentors: number }>(`select count(*)::int as mentors from mentor_profiles where status = 'active'`))[0]?.mentors ?? 0;
if (mentors < 1000) console.warn(`Only ${mentors} mentors: seed a large data set first (npm run db:seed -- --mentors 10000 --members 50000).`);
const [named] = await db.raw<{ display_name: string }>(
  `select u.display_name from mentor_profiles m join users u on u.id = m.user_id where m.status = 'active' order by m.user_id limit 1 offset 137`,
);
const name = named?.display_name ?? 'Maya Okafor';
const typo = name.length > 5 ? name.slice(0, -2) + name.slice(-1) : name;
const deepPage = String(Math.max(1, Math.floor(mentors / 20) - 5));

const cases: [string, Record<string, string | string[]>][] = [
  ['browse (default order)', {}],
  ['newest', { sort: 'newest' }],
  ['most followed', { sort: 'followers' }],
  ['text: react', { q: 'react' }],
  ['text: kubernetes', { q: 'kubernetes' }],
  ['text: system design', { q: 'system design' }],
  ['text: exact name', { q: name }],
  ['text: name with a typo', { q: typo }],
  ['text + open slots', { q: 'machine learning', accepting: '1' }],
  ['tag: react', { tag: 'react' }],
  ['two tags', { tag: ['react', 'typescript'] }],
  ['tag + language', { tag: 'python', lang: 'de' }],
  ['prefers grow', { prefers: 'grow' }],
  ['prefers ask + open slots', { prefers: 'ask', accepting: '1' }],
  ['language: ja', { lang: 'ja' }],
  ['open slots, most followed', { accepting: '1', sort: 'followers' }],
  ['text + tag + prefers, newest', { q: 'leadership', tag: 'career-growth', prefers: 'either', sort: 'newest' }],
  ['deep page, newest', { sort: 'newest', page: deepPage }],
  ['tag, page 20', { tag: 'react', page: '20' }],
  ['common word, page 5', { q: 'engineer', page: '5' }],
];

type Plan = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: Plan[];
};
type Explained = { Plan: Plan; 'Execution Time': number; 'Planning Time': number };

function scans(plan: Plan, out: string[] = []): string[] {
  if (plan['Relation Name'] || plan['Index Name']) {
    out.push(`${plan['Node Type']}${plan['Index Name'] ? ` ${plan['Index Name']}` : ''}${plan['Relation Name'] ? ` on ${plan['Relation Name']}` : ''}`);
  }
  for (const child of plan.Plans ?? []) scans(child, out);
  return out;
}

/** Rows of mentor_profiles that sequential scans actually read (a Limit can stop one early). */
function seqRowsRead(plan: Plan): number {
  const own =
    plan['Node Type'] === 'Seq Scan' && plan['Relation Name'] === 'mentor_profiles'
      ? ((plan['Actual Rows'] ?? 0) + (plan['Rows Removed by Filter'] ?? 0)) * (plan['Actual Loops'] ?? 1)
      : 0;
  return own + (plan.Plans ?? []).reduce((sum, child) => sum + seqRowsRead(child), 0);
}

async function explain(statement: { toSQL(): { sql: string; params: unknown[] } }, timing = true): Promise<Explained> {
  const { sql, params } = statement.toSQL();
  const [row] = await db.raw<Record<string, unknown>>(`explain (analyze, timing ${timing ? 'on' : 'off'}, format json) ${sql}`, params);
  const json = Object.values(row!)[0];
  const [result] = (typeof json === 'string' ? JSON.parse(json) : json) as Explained[];
  return result!;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const [{ rows: tableRows } = { rows: mentors }] = await db.raw<{ rows: number }>(`select count(*)::int as rows from mentor_profiles`);

console.log(`Directory benchmark on ${db.kind}: ${mentors} active mentors, ${RUNS} runs per query\n`);
const results = [];
for (const [label, params] of cases) {
  const { query } = parseDirectoryQuery(params);
  const { list, count } = directoryStatements(query);
  // Database time: what the server spends planning and executing both statements of a page.
  const database: number[] = [];
  // Round trip: both statements from this process, in parallel as the page sends them.
  const roundTrip: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const [a, b] = [await explain(list, false), await explain(count, false)];
    const started = performance.now();
    await Promise.all([list.execute(), count.execute()]);
    if (i < WARMUP) continue;
    roundTrip.push(performance.now() - started);
    database.push(a['Planning Time'] + a['Execution Time'] + b['Planning Time'] + b['Execution Time']);
  }
  database.sort((a, b) => a - b);
  roundTrip.sort((a, b) => a - b);
  const [listPlan, countPlan] = [await explain(list), await explain(count)];
  const used = [...new Set([...scans(listPlan.Plan), ...scans(countPlan.Plan)])];
  const rowsRead = seqRowsRead(listPlan.Plan) + seqRowsRead(countPlan.Plan);
  const filtered = Object.keys(params).some((k) => k !== 'sort' && k !== 'page');
  results.push({
    label,
    params,
    p50: percentile(database, 50),
    p95: percentile(database, 95),
    roundTripP50: percentile(roundTrip, 50),
    roundTripP95: percentile(roundTrip, 95),
    scans: used,
    seqRowsRead: rowsRead,
    // A statement that reads (nearly) every row of the table, rather than an index or a prefix.
    fullScan: rowsRead >= 0.9 * tableRows,
    filtered,
  });
}

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('query', 30)} ${pad('db p50', 7)} ${pad('db p95', 7)} ${pad('rt p95', 7)} ${pad('seq rows', 9)} plan`);
for (const r of results) {
  console.log(
    `${pad(r.label, 30)} ${pad(r.p50.toFixed(2), 7)} ${pad(r.p95.toFixed(2), 7)} ${pad(r.roundTripP95.toFixed(2), 7)} ${pad(String(r.seqRowsRead), 9)} ${r.scans.join('; ')}`,
  );
}
const overBudget = results.filter((r) => r.p95 > BUDGET_P95_MS);
const fullScans = results.filter((r) => r.filtered && r.fullScan);
console.log(
  `\ndb = planning + execution of the page's two statements on the server; rt = round trip from this process.` +
    `\nBudget: database time p95 ≤ ${BUDGET_P95_MS} ms — ${overBudget.length ? `MISSED by ${overBudget.map((r) => r.label).join(', ')}` : 'met by every query'}.` +
    `\nFiltered queries reading all of mentor_profiles: ${fullScans.length ? fullScans.map((r) => r.label).join(', ') : 'none'}.`,
);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/directory-${db.kind}-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
writeFileSync(file, JSON.stringify({ engine: db.kind, mentors, runs: RUNS, results }, null, 2));
console.log(`Written to ${file}`);
await db.close();
process.exit(overBudget.length || fullScans.length ? 1 : 0);
