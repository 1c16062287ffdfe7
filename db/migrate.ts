import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import type { Database } from './index';

export const migrationsFolder = path.resolve(process.cwd(), 'db/migrations');

/**
 * Applies the committed drizzle-kit migrations; a no-op when they are all applied. Every instance
 * migrates at start, and a deploy starts several at once: drizzle's migrator reads what is applied
 * and then applies the rest, so two at once both try to create the same tables and one fails.
 * Under the lock the first applies them and the others, once it commits, find nothing to do.
 */
export async function migrate(database: Database) {
  await database.exclusive('ask-or-grow:migrate', async () => {
    if (database.kind === 'pglite') {
      await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    } else {
      await migratePostgres(database.db as unknown as PostgresJsDatabase, { migrationsFolder });
    }
  });
}
