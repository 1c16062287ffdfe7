// npm run bench:insights — the insights computation on a large history (issue 7).
// Budget: the full computation (computeInsights) takes ≤ 500 ms at 100,000 mentorships and
// 1,000,000 events on Postgres on this machine.
//
// Makes (once) or reuses a dedicated database, by default aog_insights_bench on the local
// server (BENCH_DATABASE_URL to choose another), times computeInsights for several scopes, and
// then runs each SQL statement it issued alone and under EXPLAIN (ANALYZE, BUFFERS), so the
// statement that takes the time is named. Results: bench/results/insights.json.
//
//   npm run bench:insights -- [--seed N] [--scale X] [--runs N] [--warmup N] [--regenerate]
//                             [--generate-only] [--no-explain] [--set name=value …] [--out file]
// --scale 0.05 makes a data set 1/20 the size (for trying the script quickly).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { advisoryLock, POSTGRES_SESSION, setDatabase, type Database, type Db } from '@/db';
import { computeInsights } from '@/db/queries/insights';
import * as schema from '@/db/schema';
import { DEFAULT_BENCH_DATABASE_URL, DEFAULT_UNTIL, databaseName, ensureInsightsDataset, sizeAt } from '@/db/seed/insights-scale';
import { loadProgress } from '@/db/seed/copy';

const BUDGET_MS = 500;

const { values: flags } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    until: { type: 'string', default: DEFAULT_UNTIL.toISOString() },
    runs: { type: 'string', default: process.env.BENCH_RUNS ?? '10' },
    warmup: { type: 'string', default: '2' },
    regenerate: { type: 'boolean', default: false },
    'generate-only': { type: 'boolean', default: false },
    'no-explain': { type: 'boolean', default: false },
    // Session settings for the benchmark's connections, to try a fix: --set jit=off --set work_mem=64MB
    set: { type: 'string', multiple: true, default: [] },
    out: { type: 'string', default: 'bench/results/insights.json' },
  },
});
const sessionSettings = Object.fromEntries(flags.set.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
const seed = Number(flags.seed);
const scale = Number(flags.scale);
const until = new Date(flags.until);
const runs = Math.max(1, Number(flags.runs));
const warmup = Math.max(0, Number(flags.warmup));
if (flags.set.some((pair) => !/^[a-z_.]+=\S+$/.test(pair)) || !Number.isSafeInteger(seed) || seed < 0 || !(scale > 0 && scale <= 4) || Number.isNaN(until.getTime()) || !Number.isFinite(runs)) {
  console.error('Usage: npm run bench:insights -- [--seed N] [--scale 0<X≤4] [--until ISO-date] [--runs N] [--warmup N] [--regenerate] [--generate-only] [--no-explain] [--set name=value …] [--out file]');
  process.exit(1);
}

const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
const n = (value: number) => value.toLocaleString('en-US');

// ---- The data set ------------------------------------------------------------------------

const size = sizeAt(scale);
console.log(
  `Insights benchmark: database "${databaseName(url)}", seed ${seed}, scale ${scale} ` +
    `(${n(size.mentorships)} mentorships, ${n(size.events)} events), data up to ${until.toISOString().slice(0, 10)}.`,
);
const { marker, reused } = await ensureInsightsDataset(url, {
  seed,
  scale,
  until,
  regenerate: flags.regenerate,
  // A bar on a terminal; in logs, nothing per table (the summary follows).
  progress: process.stderr.isTTY ? await loadProgress({ bar: true, log: (message) => console.log(message) }) : undefined,
  log: (message) => console.log(message),
});
const generation = {
  reused,
  generatedAt: marker.generatedAt,
  seconds: marker.seconds,
  loadSeconds: marker.loadSeconds,
  indexSeconds: marker.indexSeconds,
  vacuumSeconds: marker.vacuumSeconds,
  rows: marker.rows,
  /** COPY alone, and COPY with the index builds and foreign-key validation after it. */
  rowsPerSecond: marker.rows && marker.loadSeconds ? Math.round(marker.rows / marker.loadSeconds) : undefined,
  rowsPerSecondWithIndexes: marker.rows && marker.loadSeconds ? Math.round(marker.rows / (marker.loadSeconds + (marker.indexSeconds ?? 0))) : undefined,
  tables: marker.tables,
};
console.log(
  reused
    ? `Reusing the data set generated ${marker.generatedAt} (${n(marker.rows ?? 0)} rows in ${marker.seconds?.toFixed(0)} s, COPY at ${n(generation.rowsPerSecond ?? 0)} rows/s).`
    : `Generated in ${marker.seconds?.toFixed(1)} s: COPY ${marker.loadSeconds?.toFixed(1)} s (${n(generation.rowsPerSecond ?? 0)} rows/s), ` +
        `indexes + foreign keys ${marker.indexSeconds?.toFixed(1)} s (with them ${n(generation.rowsPerSecondWithIndexes ?? 0)} rows/s), vacuum + analyze ${marker.vacuumSeconds?.toFixed(1)} s.`,
);
if (flags['generate-only']) process.exit(0);

// ---- The client: as db/index.ts opens Postgres, plus a hook that records the statements ---

type Statement = { query: string; parameters: unknown[] };
let recording: Statement[] | undefined;
const client = postgres(url, {
  max: 10,
  onnotice: () => {},
  connect_timeout: 5,
  // As the app opens Postgres (db/index.ts), plus any --set name=value.
  connection: { ...POSTGRES_SESSION, ...sessionSettings },
  debug: (_connection, query, parameters) => recording?.push({ query, parameters }),
});
const raw = async <T,>(query: string, params: unknown[] = []) => (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[];
const database: Database = {
  db: drizzle({ client, schema }) as unknown as Db,
  kind: 'postgres',
  ping: async () => void (await client`select 1`),
  raw,
  exclusive: advisoryLock(url),
  close: () => client.end({ timeout: 5 }),
};
setDatabase(database);

const TABLES = ['users', 'mentor_profiles', 'mentorships', 'mentorship_requests', 'mentorship_offers', 'mentorship_messages', 'mentorship_goals', 'mentorship_ratings', 'events'];
const rowCounts: Record<string, number> = {};
for (const table of TABLES) rowCounts[table] = (await raw<{ rows: number }>(`select count(*)::int as rows from ${table}`))[0]!.rows;
rowCounts['events: rapport.grown'] = (await raw<{ rows: number }>(`select count(*)::int as rows from events where type = 'rapport.grown'`))[0]!.rows;
const [busy] = await raw<{ mentor_id: string; mentorships: number; requests: number }>(`
  select m.mentor_id, count(*)::int as mentorships, (select count(*)::int from mentorship_requests r where r.mentor_id = m.mentor_id) as requests
  from mentorships m group by m.mentor_id order by count(*) desc, m.mentor_id limit 1`);
const settings = Object.fromEntries(
  (
    await raw<{ name: string; setting: string; unit: string | null }>(
      `select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost') order by name`,
    )
  ).map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting]),
);
const [{ version: postgresVersion } = { version: '?' }] = await raw<{ version: string }>(`select version()`);

console.log(`\nRows: ${Object.entries(rowCounts).map(([t, c]) => `${t} ${n(c)}`).join(', ')}.`);
if (flags.set.length) console.log(`Session settings: ${flags.set.join(', ')}.`);
console.log(`Busiest mentor: ${busy!.mentor_id} (${n(busy!.mentorships)} mentorships, ${n(busy!.requests)} requests).`);

// ---- Timing the whole computation --------------------------------------------------------

const now = until;
type Scope = NonNullable<Parameters<typeof computeInsights>[0]>;
const scopes: { label: string; scope: Scope }[] = [
  { label: 'platform, all time', scope: { window: 'all', now } },
  { label: 'platform, last 12 months', scope: { window: '12m', now } },
  { label: 'platform, last 90 days', scope: { window: '90d', now } },
  { label: 'busy mentor, all time', scope: { mentorId: busy!.mentor_id, window: 'all', now } },
  { label: 'busy mentor, last 90 days', scope: { mentorId: busy!.mentor_id, window: '90d', now } },
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (ms: number) => Math.round(ms * 10) / 10;

// The machine may be shared: the load before and after the timed runs says how much.
const loadBefore = os.loadavg();
console.log(`\nTiming computeInsights: ${warmup} warm-up + ${runs} runs per scope (load average ${loadBefore.map((l) => l.toFixed(1)).join(', ')})…`);
const timings = [];
for (const { label, scope } of scopes) {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    await computeInsights(scope);
    if (i >= warmup) times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  timings.push({
    label,
    scope: { ...scope, now: scope.now?.toISOString() },
    runs: times.length,
    p50: round(percentile(sorted, 50)),
    p95: round(p95),
    max: round(sorted[sorted.length - 1]!),
    mean: round(times.reduce((a, b) => a + b, 0) / times.length),
    withinBudget: p95 <= BUDGET_MS,
    timesMs: times.map(round),
  });
  process.stdout.write('.');
}
const loadAfter = os.loadavg();
console.log('\n');

const pad = (s: string, width: number) => s.padEnd(width);
const padNum = (value: number, width = 8) => value.toFixed(1).padStart(width);
console.log(`${pad('scope', 28)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)}  budget ${BUDGET_MS} ms (p95)`);
for (const t of timings) console.log(`${pad(t.label, 28)} ${padNum(t.p50)} ${padNum(t.p95)} ${padNum(t.max)}  ${t.withinBudget ? 'PASS' : 'FAIL'}`);

// ---- Which statement takes the time ------------------------------------------------------

type PlanNode = {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Subplan Name'?: string;
  'Actual Total Time'?: number;
  'Actual Loops'?: number;
  'Actual Rows'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  'Workers Launched'?: number;
  Plans?: PlanNode[];
};
type Explained = { Plan: PlanNode; 'Planning Time': number; 'Execution Time': number; JIT?: { Timing?: { Total?: number } } };

const nodeLabel = (node: PlanNode) =>
  `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Subplan Name'] ? ` (${node['Subplan Name']})` : ''}`;

/** Each node's own time (its total less its children's, over all loops; parallel workers add up). */
function selfTimes(node: PlanNode, out: { node: string; selfMs: number; rows: number; loops: number }[] = []) {
  const total = (x: PlanNode) => (x['Actual Total Time'] ?? 0) * (x['Actual Loops'] ?? 1);
  const children = (node.Plans ?? []).reduce((sum, child) => sum + total(child), 0);
  out.push({ node: nodeLabel(node), selfMs: round(Math.max(0, total(node) - children)), rows: (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1), loops: node['Actual Loops'] ?? 1 });
  for (const child of node.Plans ?? []) selfTimes(child, out);
  return out;
}

function relations(node: PlanNode, out = new Set<string>()) {
  if (node['Relation Name']) out.add(node['Relation Name']);
  for (const child of node.Plans ?? []) relations(child, out);
  return out;
}

const statementsByScope = [];
if (!flags['no-explain']) {
  console.log('\nEach statement of one computation, run alone (median of 3) and under EXPLAIN (ANALYZE, BUFFERS):');
  for (const { label, scope } of scopes) {
    recording = [];
    await computeInsights(scope);
    const issued: Statement[] = recording.filter((s) => /^\s*(with|select)\b/i.test(s.query));
    recording = undefined;
    const analysed = [];
    for (const [index, statement] of issued.entries()) {
      const params = statement.parameters as postgres.ParameterOrJSON<never>[];
      const alone: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await client.unsafe(statement.query, params);
        alone.push(performance.now() - started);
      }
      alone.sort((a, b) => a - b);
      const [row] = await client.unsafe(`explain (analyze, buffers, format json) ${statement.query}`, params);
      const json = Object.values(row as Record<string, unknown>)[0];
      const [plan] = (typeof json === 'string' ? JSON.parse(json) : json) as Explained[];
      const nodes = selfTimes(plan!.Plan).sort((a, b) => b.selfMs - a.selfMs);
      analysed.push({
        index: index + 1,
        tables: [...relations(plan!.Plan)],
        aloneMs: round(alone[1]!),
        executionMs: round(plan!['Execution Time']),
        planningMs: round(plan!['Planning Time']),
        jitMs: plan!.JIT?.Timing?.Total === undefined ? 0 : round(plan!.JIT.Timing.Total),
        sharedHitBlocks: plan!.Plan['Shared Hit Blocks'] ?? 0,
        sharedReadBlocks: plan!.Plan['Shared Read Blocks'] ?? 0,
        tempBlocks: (plan!.Plan['Temp Read Blocks'] ?? 0) + (plan!.Plan['Temp Written Blocks'] ?? 0),
        topNodes: nodes.slice(0, 4),
        sql: statement.query,
        parameters: statement.parameters,
      });
    }
    statementsByScope.push({ label, statements: analysed });
    console.log(`\n${label}: ${analysed.length} statements`);
    console.log(`  ${'#'.padStart(2)} ${'alone'.padStart(8)} ${'exec'.padStart(8)} ${'plan'.padStart(6)} ${'jit'.padStart(7)} ${'read blk'.padStart(9)} ${'temp blk'.padStart(9)}  tables / slowest plan nodes (self ms)`);
    for (const s of [...analysed].sort((a, b) => b.aloneMs - a.aloneMs)) {
      console.log(
        `  ${String(s.index).padStart(2)} ${padNum(s.aloneMs)} ${padNum(s.executionMs)} ${padNum(s.planningMs, 6)} ${padNum(s.jitMs, 7)} ${String(s.sharedReadBlocks).padStart(9)} ${String(s.tempBlocks).padStart(9)}  ${s.tables.join(', ')}`,
      );
      for (const node of s.topNodes.slice(0, 3)) console.log(`${''.padStart(58)}${padNum(node.selfMs)}  ${node.node} (${n(node.rows)} rows, ${n(node.loops)} loops)`);
    }
  }
  console.log(
    '\nalone = wall time of the statement by itself from this process; exec/plan/jit = server times under EXPLAIN ANALYZE (which adds timing overhead).' +
      '\nWith JIT on, its compile time shows up as self time of the first plan node to run; a node run in many loops has its time rounded per loop.',
  );
}

// ---- Results -----------------------------------------------------------------------------

const missed = timings.filter((t) => !t.withinBudget);
console.log(
  `\nBudget: computeInsights p95 ≤ ${BUDGET_MS} ms — ${missed.length ? `FAIL: ${missed.map((t) => `${t.label} (${t.p95} ms)`).join(', ')}` : 'PASS for every scope'}.`,
);

const source = readFileSync('db/queries/insights.ts', 'utf8');
const cpus = os.cpus();
const file = flags.out;
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      budgetMs: BUDGET_MS,
      budgetMet: missed.length === 0,
      machine: {
        cpu: cpus[0]?.model,
        cores: cpus.length,
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        // 1-, 5- and 15-minute load averages around the timed runs (above the core count: shared).
        loadAverage: { before: loadBefore, after: loadAfter },
        platform: `${os.platform()} ${os.release()}`,
        node: process.version,
        postgres: postgresVersion,
        postgresSettings: settings,
        sessionSettings,
      },
      // Which version of the computation was measured (the file may hold uncommitted changes).
      insightsSourceSha1: createHash('sha1').update(source).digest('hex'),
      dataset: { database: databaseName(url), seed, scale, until: until.toISOString(), size, generation },
      rowCounts,
      busyMentor: busy,
      runs,
      warmup,
      timings,
      statements: statementsByScope,
    },
    null,
    2,
  ) + '\n',
);
console.log(`Written to ${file}`);
await database.close();
process.exit(0);
