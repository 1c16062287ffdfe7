import type { SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '@/db';

/** Runs raw SQL in a test and returns its rows on either engine (PGlite wraps them in `rows`). */
export async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  return rowsOf<T>(await database.db.execute(query));
}
