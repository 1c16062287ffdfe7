import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { dataDir, env } from '@/lib/env';
import { lockDataDir } from './lock';
import * as schema from './schema';

/** One type for both engines: queries never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

export type Database = {
  db: Db;
  kind: DbKind;
  /** Checks the database answers (the health endpoint). */
  ping(): Promise<void>;
  /** Runs raw SQL with $1… parameters: for EXPLAIN in benchmarks and for tests. */
  raw<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `fn` while holding the lock named `lock`, which every process on this database waits
   * for (migrations at start: several instances start at once).
   */
  exclusive<T>(lock: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * Sees every statement drizzle sends, on either engine: how tests count the queries a page's
 * loaders make (an N+1 shows as a count that grows with the data). Nothing listens in the app.
 */
const queryListeners = new Set<(query: string, params: unknown[]) => void>();
const logger = { logQuery: (query: string, params: unknown[]) => queryListeners.forEach((listen) => listen(query, params)) };
export function onQuery(listen: (query: string, params: unknown[]) => void) {
  queryListeners.add(listen);
  return () => void queryListeners.delete(listen);
}

export function fromPglite(client: PGlite, release: () => void = () => {}): Database {
  return {
    db: drizzlePglite({ client, schema, logger }) as unknown as Db,
    kind: 'pglite',
    ping: async () => void (await client.query('select 1')),
    raw: async <T,>(query: string, params: unknown[] = []) => (await client.query<T>(query, params)).rows,
    // One process holds the data folder (db/lock.ts): there is no one else to wait for.
    exclusive: (_lock, fn) => fn(),
    close: async () => {
      await client.close();
      release();
    },
  };
}

/**
 * Settings for every connection. JIT off: a web app's queries are short, and compiling a plan
 * cost the insights' aggregates half a second for nothing. work_mem 16 MB: the insights' medians
 * sort a few hundred thousand rows in memory instead of spilling to disk (the server's default is
 * 4 MB; at most a few such sorts run at once).
 */
export const POSTGRES_SESSION = { jit: 'off', work_mem: '16MB' } as const;

/**
 * A Postgres advisory lock, held on a connection of its own outside the pool: a session's lock is
 * taken and let go on one connection, and `fn` may need every pooled one (pools of one exist).
 * Ending that session lets the lock go, also when `fn` fails or the process dies.
 */
export function advisoryLock(url: string): Database['exclusive'] {
  return async (lock, fn) => {
    const session = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
    try {
      await session`select pg_advisory_lock(hashtextextended(${lock}, 0))`;
      return await fn();
    } finally {
      await session.end({ timeout: 5 });
    }
  };
}

export function fromPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    connection: POSTGRES_SESSION,
    // Reconnect quickly after the database restarts: 0.25 s, 0.5 s, then every second (the
    // default grows to 20 s, so the site stayed down long after the database was back).
    backoff: (retries: number) => Math.min(0.25 * 2 ** retries, 1),
  });
  return {
    db: drizzlePostgres({ client, schema, logger }) as unknown as Db,
    kind: 'postgres',
    ping: async () => void (await client`select 1`),
    raw: async <T,>(query: string, params: unknown[] = []) =>
      (await client.unsafe(query, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    exclusive: advisoryLock(url),
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * A PGlite instance with the extensions the migrations use (pg_trgm ships as a contrib module
 * that must be loaded before CREATE EXTENSION can find it). In memory when `dir` is omitted.
 */
export function createPglite(dir?: string) {
  const options = { extensions: { pg_trgm } };
  // new PGlite(undefined, options) silently ignores the options: pass them alone for memory.
  return dir ? new PGlite(dir, options) : new PGlite(options);
}

/** Opens the embedded database in `dir`, after taking the folder's lock. */
export function openPglite(dir: string): Database {
  const release = lockDataDir(dir);
  try {
    return fromPglite(createPglite(dir), release);
  } catch (error) {
    release();
    throw error;
  }
}

export const pgliteDir = () => path.join(dataDir(), 'pglite');

/** The rows of `db().execute(…)`: postgres.js gives an array, PGlite an object holding one. */
export const rowsOf = <T,>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];

/** Opens the database the environment names: Postgres with DATABASE_URL, PGlite otherwise. */
export function openConfiguredDatabase(): Database {
  const url = env().DATABASE_URL;
  return url ? fromPostgres(url) : openPglite(pgliteDir());
}

// Cached on globalThis: Next bundles instrumentation and each route separately, and hot reload
// re-evaluates modules, but the process must hold exactly one connection pool or PGlite instance.
const holder = globalThis as unknown as { __askOrGrowDatabase?: Database };

/** The process-wide database, opened on first use. */
export function database(): Database {
  holder.__askOrGrowDatabase ??= openConfiguredDatabase();
  return holder.__askOrGrowDatabase;
}

/** Replaces the process-wide database (tests point it at a fresh one). */
export function setDatabase(next: Database | undefined) {
  holder.__askOrGrowDatabase = next;
}

export const db = (): Db => database().db;
