import type { SQL } from 'drizzle-orm';
import type { Database } from '@/db';

/** Runs raw SQL in a test and returns its rows on either engine (PGlite wraps them in `rows`). */
export async function rows<T>(database: Database, query: SQL): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
