// For `npm run bench -- --engine pglite`: the same data set, copied from Postgres into a fresh
// PGlite folder (DATA_DIR/pglite, as the app opens it), so both engines are measured on the same
// rows. Table by table in foreign-key order, COPY … TO STDOUT from Postgres in chunks of rows and
// COPY … FROM '/dev/blob' into PGlite, with PGlite's triggers off for the load (the counters they
// keep are copied as they are) and its secondary indexes built afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createPglite, fromPglite } from '@/db';
import { migrate } from '@/db/migrate';

const CHUNK_BYTES = 32 << 20;

/** Public tables, parents before children (a topological sort of the foreign keys). */
async function tablesInOrder(sql: postgres.Sql) {
  const tables = (await sql<{ name: string }[]>`
    select c.relname as name from pg_class c
    where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname not like '\\_\\_%'
    order by 1`).map((r) => r.name);
  const edges = await sql<{ child: string; parent: string }[]>`
    select conrelid::regclass::text as child, confrelid::regclass::text as parent
    from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`;
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const e of edges) if (e.child === t && e.parent !== t) visit(e.parent, path);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

export async function copyToPglite(postgresUrl: string, options: { log?: (m: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aog-bench-pglite-'));
  const dir = path.join(dataDir, 'pglite');
  const started = performance.now();
  const client = createPglite(dir);
  const database = fromPglite(client);
  const sql = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  try {
    await migrate(database);
    const tables = await tablesInOrder(sql);
    await client.exec(`set session_replication_role = replica`);
    let total = 0;
    for (const table of tables) {
      const columns = (
        await sql<{ name: string }[]>`
          select attname as name from pg_attribute
          where attrelid = ${table}::regclass and attnum > 0 and not attisdropped and attgenerated = ''
          order by attnum`
      ).map((c) => `"${c.name}"`);
      const list = columns.join(', ');
      const t0 = performance.now();
      let rows = 0;
      let pending: Uint8Array[] = [];
      let size = 0;
      const flush = async () => {
        if (!size) return;
        await client.query(`copy ${table} (${list}) from '/dev/blob'`, [], { blob: new Blob(pending as BlobPart[]) });
        pending = [];
        size = 0;
      };
      // A connection of its own for each table's stream, closed afterwards: a postgres.js
      // connection that streamed a COPY with pauses can stay stuck in read mode, and the next
      // statement on it never runs (porsager/postgres#499, #917).
      const source = postgres(postgresUrl, { max: 1, onnotice: () => {} });
      const stream = await source.unsafe(`copy (select ${list} from ${table}) to stdout`).readable();
      let carry: Buffer = Buffer.alloc(0);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        // Cut at the last newline so every blob holds whole rows.
        const data: Buffer = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        const cut = data.lastIndexOf(10);
        if (cut < 0) {
          carry = data;
          continue;
        }
        const whole = data.subarray(0, cut + 1);
        carry = Buffer.from(data.subarray(cut + 1));
        pending.push(whole);
        size += whole.length;
        for (let i = 0; i < whole.length; i++) if (whole[i] === 10) rows++;
        if (size >= CHUNK_BYTES) await flush();
      }
      if (carry.length) {
        pending.push(carry);
        size += carry.length;
      }
      await flush();
      await source.end({ timeout: 0 });
      total += rows;
      if (rows) log(`  ${table.padEnd(22)} ${rows.toLocaleString('en-US').padStart(10)} rows  ${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s`);
    }
    await client.exec(`set session_replication_role = origin`);
    // Serial columns continue after the copied rows.
    const serials = await client.query<{ seq: string; tab: string; col: string }>(`
      select pg_get_serial_sequence(c.table_name, c.column_name) as seq, c.table_name as tab, c.column_name as col
      from information_schema.columns c
      where c.table_schema = 'public' and pg_get_serial_sequence(c.table_name, c.column_name) is not null`);
    for (const s of serials.rows) await client.query(`select setval('${s.seq}', coalesce((select max("${s.col}") from ${s.tab}), 0) + 1, false)`);
    log('Analysing…');
    await client.exec('analyze');
    log(`Copied ${total.toLocaleString('en-US')} rows into PGlite in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await sql.end({ timeout: 5 });
    await database.close();
  }
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
