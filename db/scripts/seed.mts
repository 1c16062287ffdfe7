// npm run db:seed — re-creates the demo data. A real Postgres (DATABASE_URL) is only seeded
// when asked explicitly: npm run db:seed -- --yes-seed-postgres
// A bigger community, e.g. for load tests: npm run db:seed -- --mentors 10000 --members 50000
// (the demo accounts are always among them).
// The large data set for load tests and `npm run bench`, with COPY into its own Postgres database
// (DATABASE_URL, or aog_large on the local server), kept while seed and scale stay the same:
// npm run db:seed -- --scale large|medium|0.01 [--seed N] [--regenerate]
import { openConfiguredDatabase } from '@/db';
import { migrate } from '@/db/migrate';
import { loadProgress } from '@/db/seed/copy';
import { DEFAULT_SIZE, SIZE_LIMITS, demoAccountsText, seedDemoData } from '@/db/seed/demo';
import { DEFAULT_LARGE_DATABASE_URL, LARGE_FIXTURES, ensureLargeDataset, scaleOf, sizeAt } from '@/db/seed/large';
import { env } from '@/lib/env';
import { runScript } from './cli';

const USAGE =
  'Usage: npm run db:seed -- [--mentors N] [--members N] [--seed N] [--yes-seed-postgres]\n' +
  '       npm run db:seed -- --scale large|medium|<fraction> [--seed N] [--regenerate]';

class UsageError extends Error {}

type Flags = { mentors: number; members: number; seed?: number; yesSeedPostgres: boolean; scale?: number; regenerate: boolean };

function scale(raw: string | undefined) {
  if (raw === undefined || raw.startsWith('--')) throw new UsageError('--scale needs large, medium or a fraction.');
  try {
    return scaleOf(raw);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseFlags(args: string[]): Flags {
  const flags: Flags = { mentors: DEFAULT_SIZE.mentors, members: DEFAULT_SIZE.members, yesSeedPostgres: false, regenerate: false };
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
    else if (name === '--scale') flags.scale = scale(value());
    else if (arg === '--regenerate') flags.regenerate = true;
    else throw new UsageError(`Unknown argument "${arg}".`);
  }
  if (flags.scale !== undefined && args.some((arg) => /^--(mentors|members)(=|$)/.test(arg))) throw new UsageError('--scale sets the size: use it without --mentors and --members.');
  if (flags.regenerate && flags.scale === undefined) throw new UsageError('--regenerate goes with --scale (the demo data is always made again).');
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

const n = (value: number) => value.toLocaleString('en-US');

/** The large data set, in its own Postgres database: made with COPY, or kept from an earlier run. */
async function seedLarge(scale: number, seed: number) {
  const url = env().DATABASE_URL ?? DEFAULT_LARGE_DATABASE_URL;
  const size = sizeAt(scale);
  console.log(
    `Large data set at scale ${scale} (${n(size.mentors)} mentors, ${n(size.members)} members, ${n(size.posts)} posts, ` +
      `${n(size.comments)} comments, ${n(size.reactions)} reactions), seed ${seed}, in ${new URL(url).pathname.slice(1)} on ${new URL(url).host}.`,
  );
  const log = (message: string) => console.log(message);
  // Redrawn bars only make sense on a terminal; logs and CI get one line per table.
  const progress = await loadProgress({ bar: Boolean(process.stderr.isTTY), log });
  const { marker, reused } = await ensureLargeDataset(url, { seed, scale, regenerate: flags.regenerate, progress, log });
  const rows = marker.rows ?? 0;
  const loadSeconds = marker.loadSeconds ?? 0;
  const indexSeconds = marker.indexSeconds ?? 0;
  if (reused) {
    console.log(`Kept the data set made ${marker.generatedAt} (--regenerate makes it again):`);
    for (const t of marker.tables ?? []) console.log(`  ${t.table.padEnd(20)} ${n(t.rows).padStart(10)} rows  ${n(Math.round(t.rows / t.seconds)).padStart(9)} rows/s`);
  }
  console.log(
    `${n(rows)} rows: COPY ${loadSeconds.toFixed(1)} s (${n(Math.round(rows / loadSeconds))} rows/s); with the index builds and foreign-key checks ` +
      `${(loadSeconds + indexSeconds).toFixed(1)} s (${n(Math.round(rows / (loadSeconds + indexSeconds)))} rows/s); all of it, planning and vacuum included, ` +
      `${(marker.seconds ?? 0).toFixed(1)} s (${n(Math.round(rows / (marker.seconds ?? 1)))} rows/s).`,
  );
  const { reader, mentor, writer, longThread, password } = LARGE_FIXTURES;
  console.log(
    `Accounts (every generated account has the password "${password}"):\n` +
      `  ${reader.handle.padEnd(13)} ${reader.email}  follows ${reader.follows} people who post\n` +
      `  ${mentor.handle.padEnd(13)} ${mentor.email}  mentor with ${mentor.posts} posts, incl. /posts/${longThread.slug} (${n(longThread.comments)} comments)\n` +
      `  ${writer.handle.padEnd(13)} ${writer.email}  a member, for writing`,
  );
}

await runScript(async () => {
  if (flags.scale !== undefined) return seedLarge(flags.scale, flags.seed ?? 1);
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
  console.log(
    `Demo data re-created: ${n(counts.users)} members, ${n(counts.mentors)} of them mentors; ` +
      `${n(counts.mentorships)} mentorships, ${n(counts.follows)} follows, ${n(counts.posts)} posts, ` +
      `${n(counts.comments)} comments, ${n(counts.reactions)} reactions, ${n(grownPairs)} grown connections.\n` +
      `${n(total)} rows in ${seconds.toFixed(1)} s (${n(Math.round(total / seconds))} rows/s).\n${demoAccountsText()}`,
  );
  await database.close();
});
