import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { fromPostgres, openPglite, type Database } from '@/db';
import { lockDataDir } from '@/db/lock';
import { migrate } from '@/db/migrate';
import { users } from '@/db/schema';
import { withDatabase } from '@/db/testing/global-setup';
import { rows } from '@/db/testing/rows';

// `npm run admin:grant -- <handle>`, run as a separate process the way a person runs it.
function grant(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'db/scripts/admin-grant.mts', ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

type Engine = { env: Record<string, string>; open: () => Database | Promise<Database>; folder?: string };

async function pgliteEngine(): Promise<Engine> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'aog-grant-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const folder = path.join(dataDir, 'pglite');
  return { env: { DATA_DIR: dataDir, DATABASE_URL: '' }, open: () => openPglite(folder), folder };
}

async function postgresEngine(templateUrl: string): Promise<Engine> {
  const name = `${new URL(templateUrl).pathname.slice(1)}_grant_${randomBytes(3).toString('hex')}`;
  const admin = postgres(withDatabase(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${new URL(templateUrl).pathname.slice(1)}"`);
      break;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  const url = withDatabase(templateUrl, name);
  return { env: { DATABASE_URL: url }, open: () => fromPostgres(url, { max: 1 }) };
}

async function withDb<T>(engine: Engine, fn: (database: Database) => Promise<T>, options: { migrate?: boolean } = {}) {
  const database = await engine.open();
  try {
    if (options.migrate) await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

const roleAndLog = (engine: Engine, handle: string) =>
  withDb(engine, async (database) => ({
    role: (await rows<{ role: string }>(database, sql`select role from users where handle = ${handle}`))[0]?.role,
    log: await rows<{ action: string; admin_id: string | null; target_type: string; handle: string }>(
      database,
      sql`select action, admin_id, target_type, data->>'handle' as handle from moderation_log order by id`,
    ),
  }));

async function checkGrant(engine: Engine) {
  await withDb(engine, async (database) => {
    await database.db.insert(users).values({ handle: 'Grace_Admin', displayName: 'Grace', email: 'grace@example.com', passwordHash: null });
  }, { migrate: true });

  // Any case, with or without the @.
  const granted = grant(engine.env, '@grace_admin');
  expect(granted.err).toBe('');
  expect(granted.status).toBe(0);
  expect(granted.out).toContain('@Grace_Admin (Grace) is now an admin');
  expect(await roleAndLog(engine, 'Grace_Admin')).toEqual({
    role: 'admin',
    log: [{ action: 'grant_admin', admin_id: null, target_type: 'user', handle: 'Grace_Admin' }],
  });

  // Again: nothing to do, nothing logged.
  const again = grant(engine.env, 'GRACE_ADMIN');
  expect(again.status).toBe(0);
  expect(again.out).toContain('already an admin');

  const unknown = grant(engine.env, 'nobody_here');
  expect(unknown.status).toBe(1);
  expect(unknown.err).toContain('No member has the handle "nobody_here"');

  const usage = grant(engine.env);
  expect(usage.status).toBe(1);
  expect(usage.err).toContain('Usage: npm run admin:grant -- <handle>');

  const revoked = grant(engine.env, '--revoke', 'grace_admin');
  expect(revoked.status).toBe(0);
  expect(revoked.out).toContain('is no longer an admin');
  const after = await roleAndLog(engine, 'Grace_Admin');
  expect(after.role).toBe('member');
  expect(after.log.map((l) => [l.action, l.admin_id])).toEqual([
    ['grant_admin', null],
    ['revoke_admin', null],
  ]);
}

describe('npm run admin:grant', () => {
  it('makes a member an admin by handle on the embedded database, logs it, and refuses an unknown handle', async () => {
    await checkGrant(await pgliteEngine());
  }, 120_000);

  it('says so, and changes nothing, while the app holds the embedded database', async () => {
    const engine = await pgliteEngine();
    await withDb(engine, async (database) => {
      await database.db.insert(users).values({ handle: 'held_member', displayName: 'Held', email: 'held@example.com', passwordHash: null });
    }, { migrate: true });
    // This test process plays the running app: it holds the folder's lock.
    const release = lockDataDir(engine.folder!);
    try {
      const refused = grant(engine.env, 'held_member');
      expect(refused.status).toBe(1);
      expect(refused.err).toContain('already open in another process');
      expect(refused.err).toContain(`pid ${process.pid}`);
      expect(refused.err).toContain('Stop the app');
    } finally {
      release();
    }
    expect((await roleAndLog(engine, 'held_member')).role).toBe('member');
  }, 120_000);

  const templateUrl = inject('templateDatabaseUrl');
  // Only where there is a Postgres to try (the suite's Postgres run); PGlite is covered above.
  (templateUrl ? it : () => {})('works the same on Postgres (DATABASE_URL)', async () => {
    await checkGrant(await postgresEngine(templateUrl));
  }, 120_000);
});
