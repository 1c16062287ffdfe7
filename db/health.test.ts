import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDatabase, type Database } from '@/db';
import { databaseAvailable } from './health';

/** A database whose ping answers, fails or hangs, as the test says. */
function fakeDatabase() {
  const state = { mode: 'up' as 'up' | 'down' | 'hang', pings: 0 };
  const database = {
    kind: 'postgres',
    ping: () => {
      state.pings++;
      if (state.mode === 'up') return Promise.resolve();
      if (state.mode === 'down') return Promise.reject(new Error('ECONNREFUSED'));
      return new Promise<void>(() => {});
    },
  } as unknown as Database;
  setDatabase(database);
  return state;
}

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { __askOrGrowDatabaseHealth?: unknown }).__askOrGrowDatabaseHealth;
});

describe('databaseAvailable', () => {
  it('costs a page nothing while the database is up, and notices within a second or two when it goes down', async () => {
    vi.useFakeTimers();
    const db = fakeDatabase();
    expect(await databaseAvailable()).toBe(true);
    // Fresh answers are reused: no ping per request.
    const pings = db.pings;
    expect(await databaseAvailable()).toBe(true);
    expect(db.pings).toBe(pings);

    db.mode = 'hang';
    await vi.advanceTimersByTimeAsync(1100);
    // The stale "up" is answered at once while the background ping runs…
    expect(await databaseAvailable()).toBe(true);
    await vi.advanceTimersByTimeAsync(1100);
    // …and once it has timed out, requests are told the database is down.
    expect(await databaseAvailable()).toBe(false);

    db.mode = 'up';
    await vi.advanceTimersByTimeAsync(1100);
    // Down: the next request waits for a fresh ping, so the site is back as soon as the database.
    expect(await databaseAvailable()).toBe(true);
  });

  it('reports a refused connection as down', async () => {
    vi.useFakeTimers();
    const db = fakeDatabase();
    db.mode = 'down';
    await databaseAvailable();
    await vi.advanceTimersByTimeAsync(10);
    await vi.advanceTimersByTimeAsync(1100);
    expect(await databaseAvailable()).toBe(false);
  });
});
