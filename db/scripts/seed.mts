// npm run db:seed — re-creates the demo data. A real Postgres (DATABASE_URL) is only seeded
// when asked explicitly: npm run db:seed -- --yes-seed-postgres
// A bigger community, e.g. for load tests: npm run db:seed -- --mentors 10000 --members 50000
// (the demo accounts are always among them).
import { openConfiguredDatabase } from '@/db';
import { migrate } from '@/db/migrate';
import { DEFAULT_SIZE, SIZE_LIMITS, demoAccountsText, seedDemoData } from '@/db/seed/demo';
import { runScript } from './cli';

const USAGE = 'Usage: npm run db:seed -- [--mentors N] [--members N] [--seed N] [--yes-seed-postgres]';

class UsageError extends Error {}

type Flags = { mentors: number; members: number; seed?: number; yesSeedPostgres: boolean };

function parseFlags(args: string[]): Flags {
  const flags: Flags = { mentors: DEFAULT_SIZE.mentors, members: DEFAULT_SIZE.members, yesSeedPostgres: false };
  const whole = (name: string, raw: string | undefined, min: number, max: number) => {
    if (raw === undefined || raw.startsWith('--')) throw new UsageError(`--${name} needs a number.`);
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}; got "${raw}".`);
    }
    return value;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    // Both "--mentors 10" and "--mentors=10".
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? args[++i];
    if (name === '--mentors') flags.mentors = whole('mentors', value(), SIZE_LIMITS.mentors.min, SIZE_LIMITS.mentors.max);
    else if (name === '--members') flags.members = whole('members', value(), SIZE_LIMITS.members.min, SIZE_LIMITS.members.max);
    else if (name === '--seed') flags.seed = whole('seed', value(), 0, 2 ** 32 - 1);
    else if (arg === '--yes-seed-postgres') flags.yesSeedPostgres = true;
    else throw new UsageError(`Unknown argument "${arg}".`);
  }
  return flags;
}

let flags: Flags;
try {
  flags = parseFlags(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`\n${error.message}\n${USAGE}\n`);
  process.exit(1);
}

await runScript(async () => {
  const database = openConfiguredDatabase();
  if (database.kind === 'postgres' && !flags.yesSeedPostgres) {
    await database.close();
    console.error(
      '\nDATABASE_URL is set: refusing to replace the data in a real Postgres with demo data.\n' +
        'If that is what you want, run: npm run db:seed -- --yes-seed-postgres\n',
    );
    process.exit(1);
  }
  await migrate(database);
  const started = performance.now();
  const counts = await seedDemoData(database.db, {
    mentors: flags.mentors,
    members: flags.members,
    seed: flags.seed,
    onProgress: (m) => console.log(m),
    // Redrawn bars only make sense on a terminal; logs and CI get one line per phase.
    progressBar: Boolean(process.stderr.isTTY),
  });
  const seconds = (performance.now() - started) / 1000;
  const { grownPairs, ...rows } = counts;
  const total = Object.values(rows).reduce((sum, value) => sum + value, 0);
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(
    `Demo data re-created: ${n(counts.users)} members, ${n(counts.mentors)} of them mentors; ` +
      `${n(counts.mentorships)} mentorships, ${n(counts.follows)} follows, ${n(counts.posts)} posts, ` +
      `${n(counts.comments)} comments, ${n(counts.reactions)} reactions, ${n(grownPairs)} grown connections.\n` +
      `${n(total)} rows in ${seconds.toFixed(1)} s (${n(Math.round(total / seconds))} rows/s).\n${demoAccountsText()}`,
  );
  await database.close();
});
