import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
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
  /** Runs a raw statement; used by health checks and test set-up. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export function fromPglite(client: PGlite, release: () => void = () => {}): Database {
  return {
    db: drizzlePglite({ client, schema }) as unknown as Db,
    kind: 'pglite',
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      await client.close();
      release();
    },
  };
}

export function fromPostgres(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connect_timeout: 5 });
  return {
    db: drizzlePostgres({ client, schema }) as unknown as Db,
    kind: 'postgres',
    ping: async () => void (await client`select 1`),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens the embedded database in `dir`, after taking the folder's lock. */
export function openPglite(dir: string): Database {
  const release = lockDataDir(dir);
  try {
    return fromPglite(new PGlite(dir), release);
  } catch (error) {
    release();
    throw error;
  }
}

export const pgliteDir = () => path.join(dataDir(), 'pglite');

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
