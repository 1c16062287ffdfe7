// npm run db:seed — re-creates the demo data. A real Postgres (DATABASE_URL) is only seeded
// when asked explicitly: npm run db:seed -- --yes-seed-postgres
import { openConfiguredDatabase } from '@/db';
import { migrate } from '@/db/migrate';
import { demoAccountsText, seedDemoData } from '@/db/seed/demo';
import { runScript } from './cli';

await runScript(async () => {
  const database = openConfiguredDatabase();
  if (database.kind === 'postgres' && !process.argv.includes('--yes-seed-postgres')) {
    await database.close();
    throw new Error(
      'DATABASE_URL is set: refusing to replace the data in a real Postgres with demo data.\n' +
        'If that is what you want, run: npm run db:seed -- --yes-seed-postgres',
    );
  }
  await migrate(database);
  const counts = await seedDemoData(database.db, { onProgress: (m) => console.log(m) });
  console.log(`Demo data re-created: ${counts.users} members, ${counts.mentors} of them mentors.\n${demoAccountsText()}`);
  await database.close();
});
