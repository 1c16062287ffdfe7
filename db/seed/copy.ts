// Bulk loading with COPY, shared by the generated benchmark data sets (insights-scale.ts,
// large.ts): the COPY text format, a table streamed into COPY FROM STDIN, secondary indexes and
// foreign keys dropped for the load and rebuilt after it, and the marker — a comment on the
// database — that lets a data set be kept and reused while its seed and size stay the same.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import postgres from 'postgres';
import { fromPostgres } from '@/db';
import { migrate } from '@/db/migrate';
import { cumulativeSampler } from './bulk';

export type Random = () => number;

/** A sampler of ranks 0..n-1 with P(k) ∝ (k + offset)^-s: a few busy ones, a long tail. */
export function skewedSampler(n: number, s: number, offset: number, random: Random) {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 0; k < n; k++) cumulative[k] = total += (k + offset) ** -s;
  return cumulativeSampler(cumulative, random);
}

/** An index of `weights` (which sum to 1), drawn with probability equal to its weight. */
export function weighted(weights: readonly number[], random: Random) {
  let x = random();
  for (let i = 0; i < weights.length; i++) if ((x -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

export const pick = <T>(items: readonly T[], random: Random) => items[Math.floor(random() * items.length)]!;

/** Sorts indices 0..n-1 by the times, ties by index (a stable, oldest-first order). */
export function orderBy(times: Float64Array | number[]) {
  const order = new Uint32Array(times.length);
  for (let k = 0; k < order.length; k++) order[k] = k;
  return order.sort((x, y) => times[x]! - times[y]! || x - y);
}

// COPY text format: tab-separated, \N for NULL, backslash escapes.
const NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;
export const text = (value: string) =>
  SPECIAL.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;

const DAY_MS = 86_400_000;
const days = new Map<number, string>();
const DIGITS = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
const two = (n: number) => DIGITS[n]!.slice(1);
/**
 * `new Date(ms).toISOString()`, or null for NaN, several times faster: the date part is made
 * once per day, which matters for the millions of timestamps a large data set has.
 */
export const iso = (ms: number) => {
  if (Number.isNaN(ms)) return null;
  const t = Math.trunc(ms);
  const day = Math.floor(t / DAY_MS);
  let date = days.get(day);
  if (date === undefined) days.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 11)));
  const rest = t - day * DAY_MS;
  return `${date}${two(Math.floor(rest / 3_600_000))}:${two(Math.floor(rest / 60_000) % 60)}:${two(Math.floor(rest / 1000) % 60)}.${DIGITS[rest % 1000]}Z`;
};
export const textArray = (items: readonly string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
/** A value already in COPY's text format (escaped once where it is made, e.g. a long body from escaped parts). */
export type Escaped = { escaped: string };
export const line = (values: (string | number | null | Escaped)[]) =>
  values.map((v) => (v === null ? NULL : typeof v === 'number' ? String(v) : typeof v === 'string' ? text(v) : v.escaped)).join('\t');

/**
 * One table's rows as COPY lines, made while they are written. `triggersOff`: triggers disabled for
 * this table's COPY alone, for a counter the rows already carry (the data set's `verify` checks it).
 */
export type Table = { table: string; columns: string[]; rows: number; lines: () => Iterable<string>; triggersOff?: string[] };

/**
 * Streams a table's lines into COPY … FROM STDIN, in chunks, honouring back-pressure. `freeze`
 * (on a session of its own, `max: 1`): the empty table is truncated and loaded in one transaction
 * with COPY FREEZE, so its rows are written frozen and its pages marked all-visible — no VACUUM
 * has to read and write them all again, nor the first reads set hint bits on every row.
 */
export async function copyInto(sql: postgres.Sql, table: Table, onRows: (rows: number) => void, options: { freeze?: boolean } = {}) {
  // Cascading only reaches tables that still hold foreign keys to this one: those not loaded (yet),
  // empty in the database made for the data set.
  if (options.freeze) {
    await sql.unsafe('begin');
    await sql.unsafe(`truncate ${table.table} cascade`);
  }
  for (const trigger of table.triggersOff ?? []) await sql.unsafe(`alter table ${table.table} disable trigger ${trigger}`);
  const query = sql.unsafe(`copy ${table.table} (${table.columns.join(', ')}) from stdin${options.freeze ? ' with (freeze)' : ''}`);
  const stream = await query.writable();
  // postgres.js resolves the query with the stream, so an error the server reports for the
  // COPY (a violated constraint) only reaches query.reject, which is then a no-op, and the
  // stream never finishes: catch it there instead.
  const failed = new Promise<never>((_, reject) => {
    (query as unknown as { reject: (error: unknown) => void }).reject = reject;
  });
  const done = Promise.race([finished(stream), failed]);
  done.catch(() => {});
  let chunk = '';
  let rows = 0;
  for (const row of table.lines()) {
    chunk += row + '\n';
    rows++;
    if (chunk.length >= 1 << 18) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), done]);
      chunk = '';
      onRows(rows);
    }
  }
  stream.end(chunk);
  await done;
  for (const trigger of table.triggersOff ?? []) await sql.unsafe(`alter table ${table.table} enable trigger ${trigger}`);
  if (options.freeze) await sql.unsafe('commit');
  onRows(rows);
  return rows;
}

/**
 * Drops the loaded tables' secondary indexes and foreign keys for the COPY and returns how to put
 * them back exactly as they were (their definitions as Postgres prints them). Building an index
 * once and checking a foreign key with one join are several times faster than maintaining and
 * checking them row by row, and every row is still checked: a duplicate fails the unique index
 * build, an orphan the constraint's validation. Primary keys, checks and triggers stay on.
 */
export async function deferIndexesAndForeignKeys(sql: postgres.Sql, tables: string[]) {
  const foreignKeys = await sql<{ table: string; references: string; name: string; definition: string }[]>`
    select conrelid::regclass::text as table, confrelid::regclass::text as references, conname as name, pg_get_constraintdef(oid) as definition
    from pg_constraint
    where contype = 'f' and connamespace = 'public'::regnamespace and conrelid::regclass::text = any(${tables})
    order by conrelid::regclass::text, conname`;
  const indexes = await sql<{ table: string; name: string; definition: string }[]>`
    select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    where i.indrelid::regclass::text = any(${tables}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by 2`;
  for (const fk of foreignKeys) await sql.unsafe(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
  const addForeignKey = (db: postgres.Sql, fk: (typeof foreignKeys)[number]) => db.unsafe(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`);
  return {
    indexes: indexes.length,
    foreignKeys: foreignKeys.length,
    async restore() {
      await sql.unsafe(`set maintenance_work_mem = '256MB'`);
      for (const index of indexes) await sql.unsafe(index.definition);
      for (const fk of foreignKeys) await addForeignKey(sql, fk);
      await sql.unsafe(`reset maintenance_work_mem`);
    },
    /**
     * The same work as jobs that can start while other tables still load: a table's indexes once
     * nothing writes to it any more ("settled"), a foreign key once both its tables are, and then
     * `after(table)` (a vacuum) once a table's indexes and keys are all in. Sessions take jobs
     * as they come free; more can join (the loading ones, when the COPY is over).
     */
    whileLoading(after: (db: postgres.Sql, table: string) => Promise<void>) {
      type Job = { tables: string[]; run: (db: postgres.Sql) => Promise<unknown> };
      const loaded = (t: string) => tables.includes(t);
      const waiting: Job[] = [
        ...indexes.map((index) => ({ tables: [index.table], run: (db: postgres.Sql) => db.unsafe(index.definition) })),
        ...foreignKeys.map((fk) => ({ tables: [fk.table, fk.references].filter(loaded), run: (db: postgres.Sql) => addForeignKey(db, fk) })),
      ];
      // Per table, its index and key jobs not yet done; at 0, once settled, its `after` job.
      const open = new Map(tables.map((t) => [t, 0]));
      for (const job of waiting) for (const t of job.tables) open.set(t, open.get(t)! + 1);
      const settled = new Set<string>();
      const ready: (Job & { last?: boolean })[] = [];
      const sleepers: (() => void)[] = [];
      const wake = () => sleepers.splice(0).forEach((resolve) => resolve());
      let running = 0;
      let failure: unknown;
      const closeIfDone = (table: string) => {
        if (settled.has(table) && open.get(table) === 0) ready.push({ tables: [table], run: (db) => after(db, table), last: true });
      };
      const work = async (db: postgres.Sql) => {
        await db.unsafe(`set maintenance_work_mem = '256MB'`);
        while (failure === undefined) {
          const job = ready.shift();
          if (!job) {
            if (settled.size === tables.length && waiting.length === 0 && running === 0) return;
            await new Promise<void>((resolve) => sleepers.push(resolve));
            continue;
          }
          running++;
          try {
            await job.run(db);
            if (!job.last) {
              for (const t of job.tables) open.set(t, open.get(t)! - 1);
              job.tables.forEach(closeIfDone);
            }
          } catch (error) {
            failure ??= error;
          } finally {
            running--;
            wake();
          }
        }
      };
      const workers: Promise<void>[] = [];
      return {
        settle(table: string) {
          settled.add(table);
          for (const job of [...waiting]) {
            if (!job.tables.every((t) => settled.has(t))) continue;
            waiting.splice(waiting.indexOf(job), 1);
            ready.push(job);
          }
          closeIfDone(table);
          wake();
        },
        /** Another session takes jobs from now on. */
        join(db: postgres.Sql) {
          const worker = work(db);
          worker.catch((error) => (failure ??= error));
          workers.push(worker);
        },
        /** Resolves when every table has settled and every job is done; throws the first job's error. */
        async done() {
          await Promise.allSettled(workers);
          if (failure !== undefined) throw failure;
        },
      };
    },
  };
}

export type Progress = {
  start(total: number): void;
  update(rows: number, table: string, rate: number): void;
  stop(): void;
};

/**
 * Reports a load: a cli-progress bar redrawn in place on a terminal, otherwise (logs, CI) one line
 * as each table starts. The bar library is loaded only when asked for.
 */
export async function loadProgress(options: { bar: boolean; log: (message: string) => void }): Promise<Progress> {
  const n = (value: number) => value.toLocaleString('en-US');
  if (!options.bar) {
    const started = new Set<string>();
    return {
      start: () => {},
      update: (_rows, table) => {
        if (started.has(table)) return;
        started.add(table);
        options.log(`  copying ${table}…`);
      },
      stop: () => {},
    };
  }
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      format: '{table} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {duration_formatted}',
      stream: process.stderr,
      hideCursor: true,
      formatValue: (value, _options, type) => (type === 'value' || type === 'total' ? n(value) : String(value)),
    },
    cliProgress.Presets.shades_classic,
  );
  const label = (table: string) => table.padEnd(20);
  return {
    start: (total) => bar.start(total, 0, { table: label(''), rate: '0' }),
    update: (rows, table, rate) => bar.update(rows, { table: label(table), rate: n(rate) }),
    stop: () => bar.stop(),
  };
}

export function databaseName(url: string) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

export function withDatabase(url: string, name: string) {
  const next = new URL(url);
  next.pathname = `/${encodeURIComponent(name)}`;
  return next.toString();
}

export type TableLoad = { table: string; rows: number; seconds: number };

/** What a generated data set says about itself, kept as a comment on its database. */
export type DatasetMarker<Generator extends string = string> = {
  generator: Generator;
  version: number;
  seed: number;
  scale: number;
  until: string;
  complete: boolean;
  generatedAt?: string;
  /** Wall time of the whole generation, and of the COPY phase alone. */
  seconds?: number;
  loadSeconds?: number;
  /**
   * Building the secondary indexes and validating the foreign keys after the COPY — or, when they
   * are built while loading, what was left of that and of the vacuums once the COPY ended.
   */
  indexSeconds?: number;
  vacuumSeconds?: number;
  rows?: number;
  tables?: TableLoad[];
};

async function readMarker<M extends DatasetMarker>(admin: postgres.Sql, name: string, generator: string): Promise<{ exists: boolean; marker?: M }> {
  const [row] = await admin<{ comment: string | null }[]>`
    select shobj_description(oid, 'pg_database') as comment from pg_database where datname = ${name}`;
  if (!row) return { exists: false };
  try {
    const marker = JSON.parse(row.comment ?? '') as M;
    return { exists: true, marker: marker.generator === generator ? marker : undefined };
  } catch {
    return { exists: true };
  }
}

const writeMarker = (sql: postgres.Sql, name: string, marker: DatasetMarker) =>
  sql.unsafe(`comment on database "${name.replace(/"/g, '""')}" is '${JSON.stringify(marker).replace(/'/g, "''")}'`);

/** What a caller asks for: which data set (seed, scale, `until`), and how to report. */
export type EnsureOptions = {
  seed: number;
  scale: number;
  /** The data's "now"; the generator's default when left out. */
  until?: Date;
  /** Make it again even when a matching data set exists. */
  regenerate?: boolean;
  progress?: Progress;
  log?: (message: string) => void;
};

/** A generator of data sets: what it is called, and how its rows are made and loaded. */
export type DatasetSpec<Generator extends string> = {
  generator: Generator;
  /** Bumped when the generated shape changes, so an older data set is made again. */
  version: number;
  defaultUntil: Date;
  /** For the refusal to touch someone else's database: what ours is called, and where to point elsewhere. */
  kind: string;
  urlVariable: string;
  /** The rows, planned once the schema is in place: the tables in insertion order (parents first). */
  plan(request: { seed: number; scale: number; until: Date; log: (message: string) => void }): Table[] | Promise<Table[]>;
  /**
   * Build each table's indexes and foreign keys, and vacuum it, in another session as soon as it
   * is loaded, while the next tables load (and in the loading sessions too once the COPY is over)
   * — except the tables named, which triggers of later tables still write to: those wait for the
   * end. Without this, all of it follows the COPY, in one session.
   */
  whileLoading?: { writtenLater: string[] };
  /** Load with COPY FREEZE (see copyInto): the VACUUM after it then skips the pages COPY marked all-visible. */
  freeze?: boolean;
  /**
   * Tables loaded side by side, each list in order on a session of its own: a COPY keeps one
   * server process busy while the rows are made with time to spare, so two lanes use two cores.
   * Tables a trigger reads go in one lane after those they read. Without this, one lane of all.
   */
  lanes?: string[][];
  /** Checks the loaded data (a counter the rows carry, say) before it is marked complete; throws if wrong. */
  verify?(sql: postgres.Sql): Promise<void>;
};

/**
 * Makes sure the database at `url` holds the data set asked for: reuses it when its marker (a
 * comment on the database) says so, otherwise drops and re-creates it — only if it is one of this
 * generator's or has no tables, never someone else's database — and loads it with COPY in one
 * session, secondary indexes and foreign keys deferred, then vacuums and analyses it. Migrations
 * are applied either way, so a new index reaches the kept data.
 */
export async function ensureDataset<Generator extends string>(
  url: string,
  spec: DatasetSpec<Generator>,
  options: EnsureOptions,
): Promise<{ marker: DatasetMarker<Generator>; reused: boolean }> {
  type M = DatasetMarker<Generator>;
  const log = options.log ?? (() => {});
  const name = databaseName(url);
  const until = options.until ?? spec.defaultUntil;
  const admin = postgres(withDatabase(url, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const wanted = { generator: spec.generator, version: spec.version, seed: options.seed, scale: options.scale, until: until.toISOString() };
    const found = await readMarker<M>(admin, name, wanted.generator);
    const m = found.marker;
    const matches = m && m.complete && m.version === wanted.version && m.seed === wanted.seed && m.scale === wanted.scale && m.until === wanted.until;
    if (found.exists && matches && !options.regenerate) {
      const database = fromPostgres(url, { max: 1 });
      await migrate(database);
      await database.close();
      return { marker: m, reused: true };
    }
    if (found.exists) {
      if (!m) {
        const probe = postgres(url, { max: 1, onnotice: () => {} });
        const [{ tables } = { tables: 0 }] = await probe<{ tables: number }[]>`
          select count(*)::int as tables from information_schema.tables where table_schema = 'public'`;
        await probe.end();
        if (tables > 0) throw new Error(`Database "${name}" exists, has tables and is not ${spec.kind}: not touching it. Choose another ${spec.urlVariable}.`);
      }
      log(m ? `Data set in "${name}" is ${matches ? 'current, but --regenerate asked' : m.complete ? 'for another seed, size or generator version' : 'incomplete'}: making it again.` : `Using the empty database "${name}".`);
      await admin.unsafe(`drop database "${name.replace(/"/g, '""')}" with (force)`);
    }
    await admin.unsafe(`create database "${name.replace(/"/g, '""')}"`);
    await writeMarker(admin, name, { ...wanted, complete: false });

    const started = performance.now();
    const database = fromPostgres(url, { max: 1 });
    await migrate(database);
    await database.close();

    const tables = await spec.plan({ seed: options.seed, scale: options.scale, until, log });
    const total = tables.reduce((s, t) => s + t.rows, 0);
    log(`Planned in ${((performance.now() - started) / 1000).toFixed(1)} s; writing ${total.toLocaleString('en-US')} rows with COPY…`);

    // No fsync wait per COPY (the data set is disposable; a crash means regenerate). One session
    // loads, a second (with `whileLoading`) builds the indexes of the tables already loaded.
    const session = () => postgres(url, { max: 1, onnotice: () => {}, connection: { synchronous_commit: 'off' } });
    const lanes = spec.lanes ?? [tables.map((t) => t.table)];
    const laned = lanes.flat();
    if (laned.length !== tables.length || tables.some((t) => !laned.includes(t.table))) throw new Error(`Every table must be in exactly one lane: ${JSON.stringify(lanes)}`);
    const sessions = lanes.map(() => session());
    const sql = sessions[0]!;
    const background = spec.whileLoading ? session() : undefined;
    const deferred = await deferIndexesAndForeignKeys(sql, tables.map((t) => t.table));
    const loads: TableLoad[] = [];
    let vacuumSeconds = 0;
    // As autovacuum would leave the tables in steady use: statistics, and a visibility map so
    // index-only scans need not visit the heap (a COPY FREEZE made most of it already).
    const vacuum = async (db: postgres.Sql, table: string) => {
      const t0 = performance.now();
      await db.unsafe(`vacuum (analyze) ${table}`);
      vacuumSeconds += (performance.now() - t0) / 1000;
    };
    const rebuild = spec.whileLoading && deferred.whileLoading(vacuum);
    try {
      if (rebuild) rebuild.join(background!);
      const loadStarted = performance.now();
      options.progress?.start(total);
      const copied = new Map<string, number>();
      try {
        await Promise.all(
          lanes.map(async (names, lane) => {
            for (const name of names) {
              const table = tables.find((t) => t.table === name)!;
              const t0 = performance.now();
              const rows = await copyInto(
                sessions[lane]!,
                table,
                (rows) => {
                  copied.set(name, rows);
                  const done = [...copied.values()].reduce((sum, n) => sum + n, 0);
                  options.progress?.update(done, name, Math.round(done / Math.max((performance.now() - loadStarted) / 1000, 0.001)));
                },
                { freeze: spec.freeze },
              );
              loads.push({ table: name, rows, seconds: (performance.now() - t0) / 1000 });
              if (rebuild && !spec.whileLoading!.writtenLater.includes(name)) rebuild.settle(name);
            }
          }),
        );
      } finally {
        options.progress?.stop();
      }
      loads.sort((a, b) => tables.findIndex((t) => t.table === a.table) - tables.findIndex((t) => t.table === b.table));
      const loadSeconds = (performance.now() - loadStarted) / 1000;
      for (const l of loads) log(`  ${l.table.padEnd(20)} ${l.rows.toLocaleString('en-US').padStart(10)} rows  ${l.seconds.toFixed(1).padStart(6)} s  ${Math.round(l.rows / l.seconds).toLocaleString('en-US').padStart(9)} rows/s`);
      const counts = `${deferred.indexes} indexes, validating ${deferred.foreignKeys} foreign keys`;
      log(`COPY: ${total.toLocaleString('en-US')} rows in ${loadSeconds.toFixed(1)} s (${Math.round(total / loadSeconds).toLocaleString('en-US')} rows/s). ${background ? `Finishing ${counts} (begun while loading) and vacuuming…` : `Building ${counts}…`}`);
      const indexStarted = performance.now();
      if (rebuild) {
        // The loading sessions, free now, take jobs too.
        for (const db of sessions) rebuild.join(db);
        for (const table of spec.whileLoading!.writtenLater) rebuild.settle(table);
        await rebuild.done();
      } else {
        await deferred.restore();
      }
      const indexSeconds = (performance.now() - indexStarted) / 1000;
      if (!background) {
        log(`Indexes and foreign keys in ${indexSeconds.toFixed(1)} s. Vacuuming and analysing…`);
        for (const table of tables) await vacuum(sql, table.table);
      } else log(`Indexes, foreign keys and vacuum done ${indexSeconds.toFixed(1)} s after the COPY (vacuum and analyse took ${vacuumSeconds.toFixed(1)} s of session time).`);
      await spec.verify?.(sql);

      const marker = {
        ...wanted,
        complete: true,
        generatedAt: new Date().toISOString(),
        seconds: (performance.now() - started) / 1000,
        loadSeconds,
        indexSeconds,
        vacuumSeconds,
        rows: total,
        tables: loads,
      } as M;
      await writeMarker(admin, name, marker);
      return { marker, reused: false };
    } finally {
      for (const db of [...sessions, background]) await db?.end({ timeout: 5 });
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
