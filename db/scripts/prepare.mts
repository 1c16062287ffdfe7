// Runs before `next dev`: fails at once when another process holds the embedded database,
// and migrates and seeds it before the dev server's first request.
import { openConfiguredDatabase } from '@/db';
import { prepareDatabase } from '@/db/startup';
import { runScript } from './cli';

await runScript(async () => {
  const database = openConfiguredDatabase();
  await prepareDatabase(database, { seedIfEmpty: database.kind === 'pglite', log: console.log });
  await database.close();
});
