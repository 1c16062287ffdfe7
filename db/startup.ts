import { database as processDatabase, type Database } from '@/db';
import { DataDirLockedError } from '@/db/lock';
import { migrate } from '@/db/migrate';
import { demoAccountsText, isDatabaseEmpty, seedDemoData } from '@/db/seed/demo';
import { EnvError, env, resolveAuthSecret } from '@/lib/env';

/**
 * Brings a database up to date. The embedded database is filled with demo data the first
 * time; a real Postgres only when `seedIfEmpty` says so explicitly.
 */
export async function prepareDatabase(database: Database, options: { seedIfEmpty: boolean; log?: (m: string) => void }) {
  const log = options.log ?? (() => {});
  await migrate(database);
  if (options.seedIfEmpty && (await isDatabaseEmpty(database.db))) {
    log('Filling the embedded database with demo data…');
    const counts = await seedDemoData(database.db);
    log(`Demo data ready: ${counts.users} members, ${counts.mentors} of them mentors.`);
    return { seeded: true };
  }
  return { seeded: false };
}

/** What the server does once at start (see instrumentation.ts). Exits on a fatal set-up error. */
export async function startServer() {
  try {
    const e = env();
    resolveAuthSecret(e);
    const database = processDatabase();
    await prepareDatabase(database, { seedIfEmpty: database.kind === 'pglite', log: (m) => console.log(`[ask-or-grow] ${m}`) });
    // After seeding, so demo data queues no mail. Imported here, not at the top: scripts that
    // only prepare the database (npm run dev's first step) never load the mail code.
    const { registerMailQueue } = await import('@/db/queries/mail');
    registerMailQueue();
    if (database.kind === 'pglite') console.log(`[ask-or-grow] Embedded database. ${demoAccountsText()}`);
    // Expiry, reminders, digests and sending: now, then every minute, on every instance.
    const { startJobs } = await import('@/db/jobs');
    startJobs({ intervalMs: e.JOBS_INTERVAL_SECONDS * 1000 });
  } catch (error) {
    if (error instanceof EnvError || error instanceof DataDirLockedError) {
      console.error(`\n[ask-or-grow] ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
