import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setDatabase, type Database } from '@/db';
import { createTestDatabase } from '@/db/testing/test-database';
import { GET } from './route';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('/api/health', () => {
  it('answers 200 and names the engine when the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: database.kind });
    expect(['pglite', 'postgres']).toContain(database.kind);
  });

  it('answers 503 when the database does not answer', async () => {
    setDatabase({ ...database, ping: () => Promise.reject(new Error('connection refused')) });
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
    setDatabase(database);
  });
});
