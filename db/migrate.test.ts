import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromPostgres, type Database } from '@/db';
import { withDatabase } from '@/db/testing/global-setup';
import { createTestDatabase } from '@/db/testing/test-database';
import { migrate, migrationsFolder } from './migrate';

const MIGRATIONS = readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).length;

const applied = async (database: Database) =>
  (await database.raw<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations'))[0]!.n;

describe('migrate', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('applies each migration once and does nothing on an up-to-date database', async () => {
    expect(await applied(database)).toBe(MIGRATIONS);
    await migrate(database);
    expect(await applied(database)).toBe(MIGRATIONS);
  });
});

// Every app instance migrates when it starts, and a deploy starts several at once. PGlite is one
// process's database (db/lock.ts), so this is defined only in the suite's Postgres run.
const templateUrl = inject('templateDatabaseUrl');
(templateUrl ? describe : () => {})('instances starting at once', () => {
  it('migrate one empty database together: both succeed and each migration is applied once', async () => {
    const name = `${new URL(templateUrl).pathname.slice(1)}_m${randomBytes(3).toString('hex')}`;
    const admin = postgres(withDatabase(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    // Pools of one connection, as the smallest instance has: the lock must not need a second.
    const instances = [fromPostgres(withDatabase(templateUrl, name), { max: 1 }), fromPostgres(withDatabase(templateUrl, name), { max: 1 })];
    try {
      const outcomes = await Promise.allSettled(instances.map((instance) => migrate(instance)));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : o.status))).toEqual(['fulfilled', 'fulfilled']);
      expect(await applied(instances[0]!)).toBe(MIGRATIONS);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});
