import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * PGlite takes no lock of its own: two processes on one data folder both "succeed" and one
 * side's committed writes are silently lost. This file lock makes the second process stop at
 * once instead. A lock whose process is gone (crash, kill -9) is taken over.
 */

export type LockOwner = { pid: number; command: string; startedAt: string; processStart?: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database in ${dir} is already open in another process ` +
        `(pid ${owner.pid}: ${owner.command}, since ${owner.startedAt}).\n` +
        `PGlite cannot be shared between processes: stop that process first, ` +
        `or point DATA_DIR at another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

const lockPathFor = (dir: string) => `${dir.replace(/\/+$/, '')}.lock`;

/** Field 22 of /proc/<pid>/stat: when the process started, to tell a reused pid apart. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(owner.pid);
  return !(owner.processStart && start && start !== owner.processStart);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

const held = new Map<string, () => void>();

/** Takes the lock for `dir` or throws DataDirLockedError. Re-entrant within one process. */
export function lockDataDir(dir: string): () => void {
  const resolved = path.resolve(dir);
  const existing = held.get(resolved);
  if (existing) return existing;
  const file = lockPathFor(resolved);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    // "npm run dev" says more than Next's "node start-server.js" child process does.
    command: (process.env.npm_lifecycle_event
      ? `npm run ${process.env.npm_lifecycle_event}`
      : process.argv.map((a) => path.basename(a)).join(' ')
    ).slice(0, 200),
    startedAt: new Date().toISOString(),
    processStart: processStart(process.pid),
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    // Write the owner to a private file, then hard-link it into place: link() is atomic and
    // fails if the lock exists, so no one ever reads a half-written lock.
    const draft = `${file}.${process.pid}.tmp`;
    writeFileSync(draft, JSON.stringify(me));
    try {
      linkSync(draft, file);
      const release = () => {
        held.delete(resolved);
        process.removeListener('exit', release);
        if (readOwner(file)?.pid === process.pid) {
          try {
            unlinkSync(file);
          } catch {
            /* already gone */
          }
        }
      };
      process.on('exit', release);
      held.set(resolved, release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
    const owner = readOwner(file);
    if (owner?.pid === process.pid) {
      // Written by this process through another copy of this module (Next bundles
      // instrumentation and routes separately); the database handle is shared on globalThis.
      return () => {};
    }
    if (owner && isAlive(owner)) throw new DataDirLockedError(resolved, owner);
    // The holder is gone: take the lock over.
    try {
      unlinkSync(file);
    } catch {
      /* someone else removed it first; retry the exclusive create */
    }
  }
  const owner = readOwner(file);
  throw new DataDirLockedError(resolved, owner ?? { pid: -1, command: 'unknown', startedAt: 'unknown' });
}
