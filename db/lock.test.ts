import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '@/db';
import { rows } from '@/db/testing/rows';
import { DataDirLockedError, lockDataDir } from './lock';

// `node --import tsx` rather than the tsx wrapper, so the pid we see is the one holding the lock.
const tsx = (script: string) => [process.execPath, ['--import', 'tsx', script]] as const;
const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

function tempDataDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'aog-lock-'));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts a process that holds the embedded database in `dataDir`, as a running server would. */
async function startHolder(dataDir: string) {
  const child = spawn(...tsx('db/testing/hold-database.mts'), { env: { ...process.env, DATA_DIR: dataDir } });
  children.push(child);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('holder exited');
    return value as string;
  };
  expect(await next()).toBe(`ready ${child.pid}`);
  return {
    pid: child.pid!,
    async send(command: string) {
      child.stdin.write(`${command}\n`);
      return next();
    },
  };
}

describe('the embedded database lock', () => {
  it('stops a second process on the same folder at once, naming the folder and the holder, and loses no write', async () => {
    const dataDir = tempDataDir();
    const holder = await startHolder(dataDir);
    expect(await holder.send('write before 25')).toBe('wrote 25');

    // A seed run while "the server" holds the folder: it must refuse, not silently open it.
    const started = Date.now();
    const seed = spawnSync(...tsx('db/scripts/seed.mts'), {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(seed.status).toBe(1);
    expect(seed.stderr).toContain(path.join(dataDir, 'pglite'));
    expect(seed.stderr).toContain(`pid ${holder.pid}`);
    expect(seed.stderr).toContain('already open in another process');
    // "At once": it fails before opening the database (PGlite alone takes seconds to start).
    expect(Date.now() - started).toBeLessThan(15_000);

    expect(await holder.send('write after 25')).toBe('wrote 25');
    expect(await holder.send('exit')).toBe('closed');

    const reopened = openPglite(path.join(dataDir, 'pglite'));
    try {
      const counts = await rows(reopened, sql`select label, count(*)::int as count from lock_probe group by label order by label`);
      expect(counts).toEqual([
        { label: 'after', count: 25 },
        { label: 'before', count: 25 },
      ]);
      // The refused seed wrote nothing.
      const tables = await rows(reopened, sql`select count(*)::int as n from information_schema.tables where table_name = 'users'`);
      expect(tables).toEqual([{ n: 0 }]);
    } finally {
      await reopened.close();
    }
  }, 60_000);

  it('refuses within one process for a folder another process holds, and frees the folder when that process exits', async () => {
    const dataDir = tempDataDir();
    const folder = path.join(dataDir, 'pglite');
    const holder = await startHolder(dataDir);
    expect(() => lockDataDir(folder)).toThrow(DataDirLockedError);
    await holder.send('exit');
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(`${folder}.lock`)).toBe(false);
    const release = lockDataDir(folder);
    release();
  }, 60_000);

  it('takes over a lock left by a process that died', () => {
    const folder = path.join(tempDataDir(), 'pglite');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(`${folder}.lock`, JSON.stringify({ pid: deadPid, command: 'next dev', startedAt: '2026-01-01T00:00:00Z' }));

    const release = lockDataDir(folder);
    expect(JSON.parse(readFileSync(`${folder}.lock`, 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(`${folder}.lock`)).toBe(false);
  });

  it('treats a live pid that was reused by another process as dead', () => {
    const folder = path.join(tempDataDir(), 'pglite');
    // Our parent is alive, but it started at a different time than the lock records.
    writeFileSync(
      `${folder}.lock`,
      JSON.stringify({ pid: process.ppid, command: 'old', startedAt: '2026-01-01T00:00:00Z', processStart: '1' }),
    );
    const release = lockDataDir(folder);
    release();
  });

  it('is re-entrant within one process', () => {
    const folder = path.join(tempDataDir(), 'pglite');
    const first = lockDataDir(folder);
    const second = lockDataDir(folder);
    expect(second).toBe(first);
    first();
  });
});
