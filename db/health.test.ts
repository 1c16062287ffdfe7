import { afterEach, describe, expect, it, vi } from 'vitest';
import { setDatabase, type Database } from '@/db';
import { databaseAvailable, PING_TIMEOUT_MS } from './health';

/** A database whose ping answers, fails or hangs, as the test says. */
function fakeDatabase(kind: 'postgres' | 'pglite' = 'postgres') {
  const state = { mode: 'up' as 'up' | 'down' | 'hang', pings: 0 };
  const database = {
    kind,
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
  it('costs a page nothing while the database is up, and notices within seconds when it stops answering', async () => {
    vi.useFakeTimers();
    const db = fakeDatabase();
    expect(await databaseAvailable()).toBe(true);
    // Fresh answers are reused: no ping per request.
    const pings = db.pings;
    expect(await databaseAvailable()).toBe(true);
    expect(db.pings).toBe(pings);

    db.mode = 'hang';
    await vi.advanceTimersByTimeAsync(1100);
    // The stale "up" is answered at once while the background ping runs; a busy pool is not an outage…
    expect(await databaseAvailable()).toBe(true);
    await vi.advanceTimersByTimeAsync(PING_TIMEOUT_MS - 1200);
    expect(await databaseAvailable()).toBe(true);
    await vi.advanceTimersByTimeAsync(1200);
    // …but once the ping has timed out, requests are told the database is down.
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

  it('never counts the embedded engine as down for being slow: its one connection queues statements under load', async () => {
    vi.useFakeTimers();
    const db = fakeDatabase('pglite');
    expect(await databaseAvailable()).toBe(true);
    db.mode = 'hang';
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(PING_TIMEOUT_MS);
      expect(await databaseAvailable()).toBe(true);
    }
  });
});
