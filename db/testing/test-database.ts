import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createPglite, fromPglite, fromPostgres, setDatabase, type Database } from '@/db';
import { migrate } from '@/db/migrate';
import { withDatabase } from './global-setup';

/**
 * A fresh, migrated database for one test file — in-memory PGlite by default, a copy of the
 * run's template on the real Postgres when DATABASE_URL is set — installed as the process-wide
 * database so queries under test use it. Call `close()` in afterAll.
 */
export async function createTestDatabase(): Promise<Database> {
  const templateUrl = inject('templateDatabaseUrl');
  let database: Database;
  if (templateUrl) {
    const template = new URL(templateUrl).pathname.slice(1);
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(withDatabase(templateUrl, 'postgres'), { max: 1, onnotice: () => {} });
    // Copying a template fails while another copy of it is being made; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    const inner = fromPostgres(withDatabase(templateUrl, name), { max: 10 });
    database = {
      ...inner,
      close: async () => {
        await inner.close();
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      },
    };
  } else {
    database = fromPglite(createPglite());
    await migrate(database);
  }
  setDatabase(database);
  return database;
}
