// npm run db:migrate — applies the committed migrations to the configured database.
import { openConfiguredDatabase } from '@/db';
import { migrate } from '@/db/migrate';
import { runScript } from './cli';

await runScript(async () => {
  const database = openConfiguredDatabase();
  await migrate(database);
  console.log(`Migrations applied (${database.kind}).`);
  await database.close();
});
