import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { fromPostgres } from '@/db';
import { migrate } from '@/db/migrate';

/**
 * With DATABASE_URL set, the integration tests run on a real Postgres: this creates a fresh,
 * migrated template database for the run, from which each test file copies its own database,
 * and drops them all afterwards. Without it, each file makes an in-memory PGlite (test-database.ts).
 */
export default async function setup({ provide }: { provide: (key: 'templateDatabaseUrl', value: string) => void }) {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const name = `aog_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const templateUrl = withDatabase(url, name);
  const template = fromPostgres(templateUrl, { max: 1 });
  await migrate(template);
  await template.close();
  provide('templateDatabaseUrl', templateUrl);

  return async () => {
    // Per-file copies are dropped by their files; drop any a crashed file left, then the template.
    const leftovers = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${name}%`}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}
