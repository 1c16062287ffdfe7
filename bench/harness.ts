// Shared by bench/load.mts and bench/faults.mts: build, a fresh seeded Postgres database, a
// production server on a free port, members signed in through Auth.js, server actions posted the
// way the browser posts them, and the invariants the database must satisfy afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { hashPassword } from '@/lib/password';

export type Sql = postgres.Sql;

export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const PASSWORD = 'load-password-2026';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status ?? 1;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** `next build`, unless `skipVariable`=1 and a build exists (as E2E_SKIP_BUILD does for the e2e runner). */
export function buildUnlessSkipped(skipVariable: string) {
  if (process.env[skipVariable] === '1' && existsSync('.next/BUILD_ID')) {
    console.log(`${skipVariable}=1: reusing the build in .next (${readFileSync('.next/BUILD_ID', 'utf8').trim()})`);
    return;
  }
  if (run('npx', ['next', 'build']) !== 0) throw new Error('next build failed');
}

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A new, empty database on the admin URL's server; `drop()` removes it (force: the server may still hold connections). */
export async function createDatabase(adminUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
  };
}

/** Migrations and the demo community, as the e2e runner does (a fresh database is ours to fill). */
export function seedDemo(databaseUrl: string) {
  if (run('npx', ['tsx', 'db/scripts/seed.mts', '--yes-seed-postgres'], { ...process.env, DATABASE_URL: databaseUrl }) !== 0) {
    throw new Error('seeding failed');
  }
}

export type Server = {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM to the process group, SIGKILL after 10 s; resolves when it has exited. */
  stop(): Promise<void>;
  /** kill -9 of the whole process group, at once. */
  kill9(): void;
  exited: Promise<void>;
};

/**
 * `next start` on loopback in a process group of its own, so stopping it stops every child.
 * TRUST_PROXY_HEADERS lets each virtual user come from its own X-Forwarded-For address where the
 * app reads it (per-client rate limits); without it the variable is ignored. `env` adds to or
 * overrides these (e2e/instances.spec.ts gives its servers an SMTP server and a faster job clock).
 */
export function startServer(options: {
  databaseUrl: string;
  port: number;
  authSecret: string;
  logFile?: string;
  env?: Record<string, string>;
  /** Writes a V8 CPU profile of the server into this folder when it stops (NODE_OPTIONS may not carry --cpu-prof). */
  profileDir?: string;
}): Server {
  // The server's output goes to a file when one is named (appended: a restarted server continues it).
  const log = options.logFile ? openSync(options.logFile, 'a') : undefined;
  const next = ['start', '-p', String(options.port), '-H', '127.0.0.1'];
  const [command, args] = options.profileDir
    ? [process.execPath, ['--cpu-prof', '--cpu-prof-dir', options.profileDir, path.resolve('node_modules/next/dist/bin/next'), ...next]]
    : [path.resolve('node_modules/.bin/next'), next];
  const child = spawn(command, args, {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret,
      AUTH_TRUST_HOST: 'true',
      TRUST_PROXY_HEADERS: '1',
      ...options.env,
    },
    stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'],
    detached: true,
  });
  if (log !== undefined) closeSync(log);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    child.once('exit', () => resolve());
  });
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    child,
    exited,
    kill9: () => signal('SIGKILL'),
    stop: async () => {
      signal('SIGTERM');
      const timer = setTimeout(() => signal('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      // Children of the group that outlived the leader.
      signal('SIGKILL');
    },
  };
}

export async function waitForHealth(url: string, server: Server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode}) before it was healthy`);
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return (await response.json()) as { db: string };
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000}s`);
}

// ---------------------------------------------------------------------------------------------
// Accounts

export type Account = { id: string; handle: string; email: string; role: 'member' | 'mentor'; ip: string; cookie?: string };

/**
 * Members and mentors for the load, written straight into the database with a real password hash
 * (one hash shared, as the demo accounts do: hashing is deliberately slow). Mentors get a small
 * capacity so accepts compete for the last slot.
 */
export async function createAccounts(sql: Sql, options: { members: number; mentors: number; capacity: number; prefix: string }) {
  const hash = await hashPassword(PASSWORD);
  const make = (role: 'member' | 'mentor', i: number): Omit<Account, 'id'> => {
    const handle = `${options.prefix}_${role === 'mentor' ? 't' : 'm'}${String(i).padStart(3, '0')}`;
    // 10.<role>.<n>.<n>: a distinct client address per virtual user.
    return { handle, email: `${handle}@load.test`, role, ip: `10.${role === 'mentor' ? 2 : 1}.${Math.floor(i / 250)}.${(i % 250) + 1}` };
  };
  const wanted = [
    ...Array.from({ length: options.mentors }, (_, i) => make('mentor', i)),
    ...Array.from({ length: options.members }, (_, i) => make('member', i)),
  ];
  // A month old: established members, so the stricter limits for new accounts (lib/rate-limits.ts)
  // do not shape the mix; the ordinary per-member limits still apply.
  const joined = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
  const rows = await sql<{ id: string; handle: string }[]>`
    insert into users ${sql(wanted.map((a) => ({ handle: a.handle, email: a.email, display_name: `Load ${a.handle}`, password_hash: hash, created_at: joined })))}
    returning id, handle`;
  const ids = new Map(rows.map((r) => [r.handle, r.id]));
  const accounts: Account[] = wanted.map((a) => ({ ...a, id: ids.get(a.handle)! }));
  const mentors = accounts.filter((a) => a.role === 'mentor');
  if (mentors.length) await sql`
    insert into mentor_profiles ${sql(
      mentors.map((m) => ({
        user_id: m.id,
        headline: 'Load-test mentor: systems, careers and code review',
        timezone: 'Europe/Berlin',
        languages: ['en'],
        tags: ['career-growth'],
        capacity: options.capacity,
        accepting: true,
        start_preference: 'either',
      })),
    )}`;
  return { mentors, members: accounts.filter((a) => a.role === 'member') };
}

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through Auth.js's own credentials endpoint, as the sign-in form ends up doing; returns the cookie header. */
export async function signIn(baseUrl: string, account: Account, password = PASSWORD): Promise<string> {
  const jar = new Map<string, string>();
  const headers = { 'x-forwarded-for': account.ip };
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  cookiesFrom(csrfResponse, jar);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar), origin: baseUrl },
    body: new URLSearchParams({ csrfToken, identifier: account.email, password, callbackUrl: `${baseUrl}/` }),
  });
  cookiesFrom(response, jar);
  await response.arrayBuffer();
  const session = [...jar.keys()].find((k) => k.endsWith('authjs.session-token'));
  if (!session) throw new Error(`sign-in of ${account.handle} gave no session cookie (status ${response.status}, location ${response.headers.get('location')})`);
  return `${session}=${jar.get(session)}`;
}

/** Signs everyone in, a few at a time (each sign-in is a deliberate 32 MiB scrypt). */
export async function signInAll(baseUrl: string, accounts: Account[], parallel = 4) {
  const queue = [...accounts];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) a.cookie = await signIn(baseUrl, a);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Server actions

export type ActionOutcome = {
  /** HTTP status; 0 when no response came (connection refused or reset). */
  status: number;
  /** The action ran and reported success (a redirect counts: every action here redirects only on success). */
  ok: boolean;
  redirect?: string;
  /** The refusal the action returned (a rule said no), or what went wrong. */
  message?: string;
  data?: unknown;
  /** Transport failure or 5xx: the request did not complete as the app intends. */
  failed: boolean;
  ms: number;
};

/**
 * Posts a server action the way React's client does for a form bound with useActionState: a
 * multipart body holding the form's fields under "_1_" (React 19.3's prefix for the FormData
 * argument; older React used "1_") and the arguments [previous state, "$K1"] under "0", the
 * action's id in the Next-Action header, to the page that shows the form. The
 * answer is an RSC stream whose row named by "a" is the action's result; a redirect comes back
 * as the x-action-redirect header. Action ids are read from the build's manifest.
 */
export class Actions {
  private ids = new Map<string, string>();

  constructor(private baseUrl: string, manifestPath = '.next/server/server-reference-manifest.json') {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      node: Record<string, { filename?: string; exportedName?: string }>;
    };
    for (const [id, entry] of Object.entries(manifest.node)) {
      if (entry.exportedName) this.ids.set(entry.exportedName, id);
    }
  }

  id(name: string) {
    const id = this.ids.get(name);
    if (!id) throw new Error(`server action ${name} is not in the build's manifest`);
    return id;
  }

  async call(account: Account, pagePath: string, action: string, fields: Record<string, string | string[]>, timeoutMs = 30_000): Promise<ActionOutcome> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) form.append(`_1_${key}`, v);
    }
    form.append('0', JSON.stringify([{ ok: false, error: '' }, '$K1']));
    const started = performance.now();
    try {
      const response = await fetch(`${this.baseUrl}${pagePath}`, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          accept: 'text/x-component',
          'next-action': this.id(action),
          origin: this.baseUrl,
          cookie: account.cookie ?? '',
          'x-forwarded-for': account.ip,
        },
        body: form,
      });
      const text = await response.text();
      const ms = performance.now() - started;
      const redirect = response.headers.get('x-action-redirect')?.split(';')[0];
      if (response.status >= 500 || response.status === 0) {
        return { status: response.status, ok: false, failed: true, message: text.slice(0, 200), ms };
      }
      if (redirect) {
        // requireUser() sends a lost session to sign in: that is a failure of the run, not a refusal.
        const signedOut = redirect.startsWith('/signin');
        return { status: response.status, ok: !signedOut, redirect, failed: signedOut, message: signedOut ? 'signed out' : undefined, ms };
      }
      if (response.status !== 200) return { status: response.status, ok: false, failed: true, message: text.slice(0, 200), ms };
      const result = actionResult(text);
      if (!result) return { status: response.status, ok: false, failed: true, message: `no action result in: ${text.slice(0, 200)}`, ms };
      // Every failed result echoes the fields it received: none at all means the encoding is wrong.
      if (!result.ok && result.values && Object.keys(result.values).length === 0 && Object.keys(fields).length > 0) {
        return { status: response.status, ok: false, failed: true, message: `the action received none of the form's fields: ${JSON.stringify(result.fieldErrors)}`, ms };
      }
      // RSC writes undefined as "$undefined".
      const detail = result.fieldErrors && result.fieldErrors !== '$undefined' ? ` ${JSON.stringify(result.fieldErrors)}` : '';
      return { status: response.status, ok: result.ok === true, message: result.ok ? undefined : `${String(result.error)}${detail}`, data: result.data, failed: false, ms };
    } catch (error) {
      return { status: 0, ok: false, failed: true, message: (error as Error).message, ms: performance.now() - started };
    }
  }
}

/** The action's return value from an RSC response: row 0 names it ("a": "$@<row>"). */
type RawResult = { ok?: boolean; error?: unknown; data?: unknown; fieldErrors?: unknown; values?: Record<string, unknown> };
function actionResult(body: string): RawResult | undefined {
  const rows = new Map<string, string>();
  for (const line of body.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    let a = root?.a;
    if (typeof a === 'string' && a.startsWith('$@')) a = JSON.parse(rows.get(a.slice(2)) ?? 'null');
    return a && typeof a === 'object' ? (a as RawResult) : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

// ---------------------------------------------------------------------------------------------
// Invariants

export type Check = { name: string; violations: number; sample: unknown[] };

/**
 * Rules that must hold in the database whatever the interleaving. The first group holds for the
 * whole database (demo data included); the event-log group is scoped to `actors` — the load's own
 * accounts — because the demo's history is generated, not lived through the app.
 */
export async function checkInvariants(sql: Sql, actors: string[]): Promise<Check[]> {
  const checks: [string, postgres.PendingQuery<postgres.Row[]>][] = [
    // Capacity and counters
    ['no mentor over capacity', sql`select user_id, active_mentee_count, capacity from mentor_profiles where active_mentee_count > capacity`],
    [
      'active_mentee_count = active mentorships',
      sql`select p.user_id, p.active_mentee_count, count(m.id)::int as real from mentor_profiles p
          left join mentorships m on m.mentor_id = p.user_id and m.status = 'active'
          group by p.user_id having p.active_mentee_count <> count(m.id)`,
    ],
    ['one active mentorship per pair', sql`select mentor_id, mentee_id, count(*)::int from mentorships where status = 'active' group by 1, 2 having count(*) > 1`],
    ['one pending request per pair', sql`select mentee_id, mentor_id, count(*)::int from mentorship_requests where status = 'pending' group by 1, 2 having count(*) > 1`],
    [
      'at most 5 live pending requests per mentee',
      sql`select mentee_id, count(*)::int from mentorship_requests where status = 'pending' and expires_at > now() group by 1 having count(*) > 5`,
    ],
    [
      'users.follower_count = follows',
      sql`select u.id, u.follower_count, coalesce(f.n, 0) as real from users u
          left join (select followee_id, count(*)::int as n from follows group by 1) f on f.followee_id = u.id
          where u.follower_count <> coalesce(f.n, 0)`,
    ],
    [
      'mentor_profiles copies of the member',
      sql`select p.user_id from mentor_profiles p join users u on u.id = p.user_id
          where p.follower_count <> u.follower_count or p.handle <> u.handle or p.display_name <> u.display_name`,
    ],
    [
      'mentorship counters = messages and goals',
      sql`select m.id, m.message_count, m.goal_count, m.goals_done_count,
            (select count(*)::int from mentorship_messages x where x.mentorship_id = m.id) as messages,
            (select count(*)::int from mentorship_goals g where g.mentorship_id = m.id) as goals,
            (select count(*)::int from mentorship_goals g where g.mentorship_id = m.id and g.done_at is not null) as done
          from mentorships m
          where m.message_count <> (select count(*) from mentorship_messages x where x.mentorship_id = m.id)
             or m.goal_count <> (select count(*) from mentorship_goals g where g.mentorship_id = m.id)
             or m.goals_done_count <> (select count(*) from mentorship_goals g where g.mentorship_id = m.id and g.done_at is not null)`,
    ],
    // Requests and the mentorships they open: all or nothing
    [
      'every accepted request has its mentorship (same pair, pointing back)',
      sql`select r.id from mentorship_requests r left join mentorships m on m.id = r.mentorship_id
          where r.status = 'accepted' and (m.id is null or m.request_id is distinct from r.id or m.mentor_id <> r.mentor_id or m.mentee_id <> r.mentee_id)`,
    ],
    [
      'every mentorship from a request has that request accepted',
      sql`select m.id from mentorships m left join mentorship_requests r on r.id = m.request_id
          where m.request_id is not null and (r.id is null or r.status <> 'accepted' or r.mentorship_id <> m.id)`,
    ],
    [
      'every accepted request’s mentorship has its goals',
      sql`select m.id from mentorships m join mentorship_requests r on r.id = m.request_id
          where (select count(*) from mentorship_goals g where g.mentorship_id = m.id) < cardinality(r.goals)`,
    ],
    // Orphans (foreign keys should make these impossible; mentorship_id on requests has none)
    ['comments without their post', sql`select c.id from comments c left join posts p on p.id = c.post_id where p.id is null`],
    ['replies without their parent', sql`select c.id from comments c left join comments p on p.id = c.parent_id where c.parent_id is not null and p.id is null`],
    [
      'reactions without their target',
      sql`select r.user_id, r.kind from reactions r left join posts p on p.id = r.post_id left join comments c on c.id = r.comment_id
          where (r.post_id is not null and p.id is null) or (r.comment_id is not null and c.id is null)`,
    ],
    ['reactions on deleted comments', sql`select r.user_id, r.comment_id from reactions r join comments c on c.id = r.comment_id where c.deleted_at is not null`],
    [
      'mentorships without their members',
      sql`select m.id from mentorships m left join users a on a.id = m.mentor_id left join users b on b.id = m.mentee_id where a.id is null or b.id is null`,
    ],
    [
      'requests without their members',
      sql`select r.id from mentorship_requests r left join users a on a.id = r.mentor_id left join users b on b.id = r.mentee_id where a.id is null or b.id is null`,
    ],
    ['notifications to missing members', sql`select n.id from notifications n left join users u on u.id = n.recipient_id where u.id is null`],
    ['mail to missing members', sql`select o.id from mail_outbox o left join users u on u.id = o.recipient_id where u.id is null`],
    [
      'messages, goals, ratings without their mentorship',
      sql`select 'message' as kind, x.id::text from mentorship_messages x left join mentorships m on m.id = x.mentorship_id where m.id is null
          union all select 'goal', g.id::text from mentorship_goals g left join mentorships m on m.id = g.mentorship_id where m.id is null
          union all select 'rating', r.mentorship_id::text from mentorship_ratings r left join mentorships m on m.id = r.mentorship_id where m.id is null`,
    ],
    [
      'follows without their members',
      sql`select f.follower_id, f.followee_id from follows f left join users a on a.id = f.follower_id left join users b on b.id = f.followee_id where a.id is null or b.id is null`,
    ],
    // The event log reconciles with the rows, for what the load's accounts did
    [
      'each request by the load has one request.sent event',
      sql`select r.id, (select count(*)::int from events e where e.type = 'request.sent' and e.request_id = r.id) as events
          from mentorship_requests r where r.mentee_id = any(${actors}::uuid[])
          and (select count(*) from events e where e.type = 'request.sent' and e.request_id = r.id) <> 1`,
    ],
    [
      'each request.sent event by the load has its request',
      sql`select e.id from events e left join mentorship_requests r on r.id = e.request_id
          where e.type = 'request.sent' and e.actor_id = any(${actors}::uuid[]) and r.id is null`,
    ],
    [
      'each answered request has exactly one event for its state',
      sql`select r.id, r.status from mentorship_requests r
          where r.mentee_id = any(${actors}::uuid[]) and r.status <> 'pending'
          and (select count(*) from events e where e.request_id = r.id and e.type = 'request.' || r.status) <> 1`,
    ],
    [
      'no answer events for a pending request',
      sql`select r.id from mentorship_requests r
          where r.mentee_id = any(${actors}::uuid[]) and r.status = 'pending'
          and exists (select 1 from events e where e.request_id = r.id and e.type in ('request.accepted', 'request.declined', 'request.withdrawn', 'request.expired'))`,
    ],
    [
      'each mentorship of the load has one mentorship.started (origin ask = accepted request)',
      sql`select m.id from mentorships m
          where m.mentor_id = any(${actors}::uuid[])
          and (select count(*) from events e where e.type = 'mentorship.started' and e.mentorship_id = m.id and e.data ->> 'origin' = m.origin) <> 1`,
    ],
    [
      'mentorship.started events of the load have their mentorship',
      sql`select e.id from events e left join mentorships m on m.id = e.mentorship_id
          where e.type = 'mentorship.started' and e.mentor_id = any(${actors}::uuid[]) and m.id is null`,
    ],
    [
      'ended mentorships of the load have one mentorship.ended event and a rating',
      sql`select m.id from mentorships m
          where m.mentor_id = any(${actors}::uuid[]) and m.status <> 'active'
          and ((select count(*) from events e where e.type = 'mentorship.ended' and e.mentorship_id = m.id) <> 1
            or not exists (select 1 from mentorship_ratings r where r.mentorship_id = m.id and r.rater_id = m.ended_by))`,
    ],
    [
      'message_count = mentorship.message events (load mentorships)',
      sql`select m.id, m.message_count from mentorships m
          where m.mentor_id = any(${actors}::uuid[])
          and m.message_count <> (select count(*) from events e where e.type = 'mentorship.message' and e.mentorship_id = m.id)`,
    ],
    [
      'goals done = goal_done − goal_undone events (load mentorships)',
      sql`select m.id, m.goals_done_count from mentorships m
          where m.mentor_id = any(${actors}::uuid[])
          and m.goals_done_count <> (select count(*) filter (where e.type = 'mentorship.goal_done') - count(*) filter (where e.type = 'mentorship.goal_undone')
                                     from events e where e.mentorship_id = m.id)`,
    ],
    [
      'each comment by the load has its comment.created event',
      sql`select c.id from comments c where c.author_id = any(${actors}::uuid[])
          and not exists (select 1 from events e where e.type = 'comment.created' and e.data ->> 'commentId' = c.id::text)`,
    ],
    [
      'comment.created events ≥ comments (load)',
      sql`select a.n as comments, b.n as events from
            (select count(*)::int as n from comments where author_id = any(${actors}::uuid[])) a,
            (select count(*)::int as n from events where type = 'comment.created' and actor_id = any(${actors}::uuid[])) b
          where b.n < a.n`,
    ],
    [
      'each reaction by the load has a reaction.added event',
      sql`select r.user_id, r.kind from reactions r where r.user_id = any(${actors}::uuid[])
          and not exists (select 1 from events e where e.type = 'reaction.added' and e.actor_id = r.user_id and e.data ->> 'kind' = r.kind
            and (e.data ->> 'postId' = r.post_id::text or e.data ->> 'commentId' = r.comment_id::text))`,
    ],
    [
      'follows = follow.created − follow.removed per pair (load)',
      sql`with ev as (
            select actor_id as follower_id, (data ->> 'followeeId')::uuid as followee_id,
              count(*) filter (where type = 'follow.created') - count(*) filter (where type = 'follow.removed') as net
            from events where type in ('follow.created', 'follow.removed') and actor_id = any(${actors}::uuid[]) group by 1, 2)
          select coalesce(ev.follower_id, f.follower_id) as follower, coalesce(ev.followee_id, f.followee_id) as followee, ev.net, f.follower_id is not null as follows
          from ev full join (select * from follows where follower_id = any(${actors}::uuid[])) f
            on f.follower_id = ev.follower_id and f.followee_id = ev.followee_id
          where coalesce(ev.net, 0) <> (case when f.follower_id is null then 0 else 1 end)`,
    ],
  ];
  const results: Check[] = [];
  for (const [name, query] of checks) {
    const rows = await query;
    results.push({ name, violations: rows.length, sample: rows.slice(0, 3).map((r) => ({ ...r })) });
  }
  return results;
}

export function printChecks(checks: Check[]) {
  for (const c of checks) {
    console.log(`  ${c.violations === 0 ? 'ok  ' : 'FAIL'} ${c.name}${c.violations ? ` — ${c.violations} violation(s), e.g. ${JSON.stringify(c.sample)}` : ''}`);
  }
  return checks.filter((c) => c.violations > 0).length;
}
