import { afterAll, describe, expect, it } from 'vitest';
import { createPglite, fromPglite } from '@/db';
import { isDatabaseEmpty } from '@/db/seed/demo';
import { prepareDatabase } from './startup';

const database = fromPglite(createPglite());
afterAll(() => database.close());

describe('start-up of the embedded database', () => {
  it('migrates and fills an empty database with demo data once, never again', async () => {
    expect(await prepareDatabase(database, { seedIfEmpty: true })).toEqual({ seeded: true });
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    expect(await prepareDatabase(database, { seedIfEmpty: true })).toEqual({ seeded: false });
  });

  it('leaves a database alone when not told to seed (a real Postgres)', async () => {
    const other = fromPglite(createPglite());
    expect(await prepareDatabase(other, { seedIfEmpty: false })).toEqual({ seeded: false });
    expect(await isDatabaseEmpty(other.db)).toBe(true);
    await other.close();
  });
});
