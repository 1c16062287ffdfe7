// Helpers for generating and inserting many rows: batched multi-row inserts, a fast seeded
// random source, skewed sampling and progress reporting.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db';

/** What a batch insert needs: the database or a transaction on it. */
export type Inserter = Pick<Db, 'execute'>;

/**
 * Inserts `rows` in batches, pulling rows from the iterable only as each batch is built, so a
 * generator never has to hold all of them; the next batch is built while the previous one is
 * in flight. Returns the number of rows inserted.
 *
 * Each batch is one `INSERT … SELECT FROM unnest($1::type[], $2::type[], …)` with one array
 * parameter per column. Drizzle's multi-row VALUES builds a parameter per cell, which costs
 * more time than Postgres spends on the rows and caps a batch at 65,535 cells. Values go
 * through the columns' own driver mapping; every row must set the same keys as the first one
 * (undefined is NULL, not the column default), and binary columns are not supported.
 */
export async function insertInBatches<T extends PgTable>(
  tx: Inserter,
  table: T,
  rows: Iterable<PgInsertValue<T>>,
  batchSize = 5000,
  onBatch?: (inserted: number) => void,
): Promise<number> {
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  let statement: ((batch: Record<string, unknown>[]) => SQL) | undefined;
  let inserted = 0;
  let pending: Promise<void> = Promise.resolve();
  for (const batch of chunks(rows as Iterable<Record<string, unknown>>, Math.max(1, batchSize))) {
    statement ??= unnestInsert(table, columns, Object.keys(batch[0]!));
    const query = statement(batch);
    await pending;
    const current = tx.execute(query).then(() => {
      inserted += batch.length;
      onBatch?.(inserted);
    });
    // The rejection is handled by the next `await pending`; this only keeps Node from
    // reporting it as unhandled while the next batch is being generated.
    current.catch(() => {});
    pending = current;
  }
  await pending;
  return inserted;
}

function unnestInsert(table: PgTable, columns: Record<string, PgColumn>, keys: string[]) {
  const targets = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`insertInBatches: "${key}" is not a column of the table.`);
    const type = column.getSQLType();
    // An array column travels as an array of array literals and is cast back per row, since
    // unnest would flatten a two-dimensional array (and rows' arrays differ in length).
    return { key, column, isArray: type.endsWith(']'), type };
  });
  const names = sql.join(
    targets.map((t) => sql.identifier(t.column.name)),
    sql`, `,
  );
  const aliases = targets.map((_, i) => sql.identifier(`c${i}`));
  const selected = sql.join(
    targets.map((t, i) => (t.isArray ? sql`${aliases[i]}::${sql.raw(t.type)}` : aliases[i]!)),
    sql`, `,
  );
  return (batch: Record<string, unknown>[]) => {
    const params = targets.map((t) => {
      const literal = arrayLiteral(batch.map((row) => toDriver(t.column, row[t.key])));
      return sql`${literal}::${sql.raw(t.isArray ? 'text' : t.type)}[]`;
    });
    return sql`insert into ${table} (${names}) select ${selected} from unnest(${sql.join(params, sql`, `)}) as t(${sql.join(aliases, sql`, `)})`;
  };
}

function toDriver(column: PgColumn, value: unknown): unknown {
  return value === null || value === undefined ? null : column.mapToDriverValue(value);
}

/** A Postgres array literal of the given elements, each quoted (or NULL). */
function arrayLiteral(values: unknown[]): string {
  const parts = values.map((value) => {
    if (value === null) return 'NULL';
    if (typeof value === 'boolean') return value ? 't' : 'f';
    if (typeof value === 'number' || typeof value === 'bigint') return String(value);
    if (value instanceof Date) return value.toISOString();
    if (typeof value !== 'string') throw new Error(`insertInBatches: cannot send a ${typeof value} in an array.`);
    return `"${value.replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${parts.join(',')}}`;
}

/** Splits an iterable into arrays of at most `size` items, lazily. */
export function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * A small, fast, seeded generator (mulberry32) returning floats in [0, 1). Faker is used for
 * words and names; this serves the hundreds of thousands of plain numbers a large social graph
 * needs, where Faker's per-call overhead adds up.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [min, max]. */
export const randomInt = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/**
 * A version-4-shaped UUID from the seeded generator, so the same seed gives the same ids.
 * Four consecutive outputs never repeat within one generator's period (2^32 calls).
 */
export function seededUuid(random: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++) hex += Math.floor(random() * 4294967296).toString(16).padStart(8, '0');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A key of `weights`, drawn with probability proportional to its weight. */
export function weightedKey<K extends string | number>(random: () => number, weights: Readonly<Partial<Record<K, number>>>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [key, w] of entries) {
    x -= w;
    if (x < 0) return key;
  }
  return entries[entries.length - 1]![0];
}

/** Exponentially distributed, with the given mean. */
export const exponential = (random: () => number, mean: number) => -Math.log(1 - random()) * mean;

/** Standard normal (Box–Muller). */
export function standardNormal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A Poisson count with the given mean (a normal approximation for large means). */
export function poisson(random: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal(random)));
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Returns a sampler of ranks 0..n-1 with P(k) ∝ 1/(k+1)^s — a Zipf-like law: the first ranks
 * get most of the picks and the long tail a few each, as followers do on social sites.
 */
export function zipfSampler(n: number, s: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) {
    total += 1 / (k + 1) ** s;
    cumulative[k] = total;
  }
  return cumulativeSampler(cumulative, random);
}

/** A sampler of indices 0..n-1 in proportion to their weights, given as running totals. */
export function cumulativeSampler(cumulative: Float64Array, random: () => number) {
  const n = cumulative.length;
  return () => {
    const x = random() * cumulative[n - 1]!;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

export type PhaseProgress = { update(done: number): void; stop(): void };
export type ProgressReporter = (phase: string, total: number) => Promise<PhaseProgress>;

/**
 * Reports each phase of a bulk job: as a cli-progress bar on stderr, or as one message per
 * phase. The bar library is loaded only when asked for, so the web server never loads it.
 */
export function progressReporter(options: { bar: boolean; log: (message: string) => void }): ProgressReporter {
  if (!options.bar) {
    return async (phase, total) => {
      options.log(`Creating ${total.toLocaleString('en-US')} ${phase}…`);
      return { update: () => {}, stop: () => {} };
    };
  }
  return async (phase, total) => {
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar(
      {
        format: `${phase.padEnd(12)} {bar} {percentage}% | {value}/{total} | {duration_formatted}`,
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (done) => bar.update(done),
      stop: () => bar.stop(),
    };
  };
}
