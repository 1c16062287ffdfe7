// npm run admin:grant -- <handle>            makes an existing member an admin (moderation at /admin)
// npm run admin:grant -- --revoke <handle>   makes them a member again
// The only way to make an admin: there is no default admin account and no default password.
// Runs on the configured database (DATABASE_URL, else the embedded one in DATA_DIR) and writes
// the change to the moderation log, with no admin (it came from the command line).
import { eq, sql } from 'drizzle-orm';
import { openConfiguredDatabase } from '@/db';
import { DataDirLockedError } from '@/db/lock';
import { moderationLog, users } from '@/db/schema';
import { runScript } from './cli';

const USAGE = 'Usage: npm run admin:grant -- <handle>   (or: npm run admin:grant -- --revoke <handle>)';

function fail(message: string): never {
  console.error(`\n${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const revoke = args.includes('--revoke');
const rest = args.filter((a) => a !== '--revoke');
const unknownFlag = rest.find((a) => a.startsWith('-'));
if (unknownFlag) fail(`Unknown option "${unknownFlag}".\n${USAGE}`);
if (rest.length !== 1) fail(`Name exactly one member by their handle.\n${USAGE}`);
const handle = rest[0]!.replace(/^@/, '');
if (!/^[A-Za-z0-9_]{3,30}$/.test(handle)) fail(`"${rest[0]}" is not a handle (3–30 letters, digits or _).\n${USAGE}`);

/** Postgres "undefined_table" on either driver (drizzle wraps driver errors). */
function undefinedTable(error: unknown) {
  for (let e = error as Record<string, unknown> | undefined; e; e = e.cause as Record<string, unknown> | undefined) {
    if (e.code === '42P01') return true;
  }
  return false;
}

type Outcome = { kind: 'missing' } | { kind: 'unchanged' | 'changed' | 'suspended'; handle: string; displayName: string };

await runScript(async () => {
  let database;
  try {
    database = openConfiguredDatabase();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      // Most often `npm run dev` or `npm start`: PGlite cannot be opened by two processes.
      fail(`${error.message}\nStop the app, run npm run admin:grant again, then start the app.`);
    }
    throw error;
  }
  let outcome: Outcome;
  try {
    outcome = await database.db.transaction(async (tx): Promise<Outcome> => {
      const [member] = await tx
        .select({ id: users.id, handle: users.handle, displayName: users.displayName, role: users.role, suspendedAt: users.suspendedAt })
        .from(users)
        .where(eq(sql`lower(${users.handle})`, handle.toLowerCase()))
        .for('update');
      if (!member) return { kind: 'missing' };
      const named = { handle: member.handle, displayName: member.displayName };
      if (!revoke && member.suspendedAt) return { kind: 'suspended', ...named };
      const role = revoke ? 'member' : 'admin';
      if (member.role === role) return { kind: 'unchanged', ...named };
      await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, member.id));
      await tx.insert(moderationLog).values({
        adminId: null,
        action: revoke ? 'revoke_admin' : 'grant_admin',
        targetType: 'user',
        targetId: member.id,
        note: `npm run admin:grant${revoke ? ' -- --revoke' : ''}`,
        data: { handle: member.handle, displayName: member.displayName, via: 'cli' },
      });
      return { kind: 'changed', ...named };
    });
  } catch (error) {
    await database.close();
    if (undefinedTable(error)) fail('The database has no tables yet: run npm run db:migrate (or start the app once) first.');
    throw error;
  }
  const where = database.kind === 'postgres' ? 'Postgres (DATABASE_URL)' : 'the embedded database';
  await database.close();
  switch (outcome.kind) {
    case 'missing':
      return fail(`No member has the handle "${handle}" in ${where}. Sign up first, then run this again.`);
    case 'suspended':
      return fail(`@${outcome.handle} is suspended; an admin must restore the account before it can be made an admin.`);
    case 'unchanged':
      console.log(revoke ? `@${outcome.handle} is not an admin; nothing changed.` : `@${outcome.handle} is already an admin; nothing changed.`);
      return;
    case 'changed':
      console.log(
        revoke
          ? `@${outcome.handle} (${outcome.displayName}) is no longer an admin. Logged in the moderation log.`
          : `@${outcome.handle} (${outcome.displayName}) is now an admin: moderation is at /admin once they are signed in. Logged in the moderation log.`,
      );
  }
});
