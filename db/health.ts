import { database } from '@/db';

/**
 * How long a Postgres ping may take before the database counts as unreachable. Long enough that
 * a busy pool (every connection in use, the ping queued behind them) is not mistaken for an
 * outage; a refused connection fails at once anyway. The embedded engine is never timed out: it
 * cannot be unreachable, only busy, and its one connection may queue statements for seconds.
 */
export const PING_TIMEOUT_MS = 3000;
const FRESH_MS = 1000;

type Health = { ok: boolean; at: number; pending?: Promise<boolean> };
// On globalThis: the proxy and the routes are separate bundles of one process.
const holder = globalThis as unknown as { __askOrGrowDatabaseHealth?: Health };

async function ping(health: Health) {
  try {
    const db = database();
    await Promise.race([
      db.ping(),
      ...(db.kind === 'pglite' ? [] : [new Promise((_, reject) => setTimeout(() => reject(new Error('database timed out')), PING_TIMEOUT_MS).unref())]),
    ]);
    health.ok = true;
  } catch {
    health.ok = false;
  }
  health.at = Date.now();
  health.pending = undefined;
  return health.ok;
}

/**
 * Whether the database answers, for the proxy to send a quick 503 instead of a page that would
 * hang or fail while it is down. While it is up this costs nothing on the request: the answer
 * is the last one, refreshed in the background at most once a second. Once a ping has failed,
 * requests wait for the next ping, so the site comes back as soon as the database does.
 */
export function databaseAvailable(): Promise<boolean> {
  const health = (holder.__askOrGrowDatabaseHealth ??= { ok: true, at: 0 });
  if (Date.now() - health.at < FRESH_MS) return Promise.resolve(health.ok);
  const pending = (health.pending ??= ping(health));
  return health.ok ? Promise.resolve(true) : pending;
}
