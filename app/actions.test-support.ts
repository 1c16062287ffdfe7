/**
 * Shared by the "try to break in" tests (actions.authorization.test.ts, actions.bad-input.test.ts):
 * finding every server action and route handler, running one as a chosen member over the real
 * Auth.js session path, classifying what came back, and building the people and things the
 * actions act on.
 *
 * The test files mock `next/headers`, `next/navigation` and `next/cache` with the factories
 * below (vi.mock has to be called in the test file itself). Auth.js stays real: a member is
 * "signed in" by a session cookie minted with the app's own secret, so `auth()`, the session
 * callback, `currentUser()` and `requireUser()` run as in production, and so do `signIn()` and
 * the credentials provider's `authorize()`.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Auth, createActionURL, raw, setEnvDefaults, skipCSRFCheck, type AuthConfig } from '@auth/core';
import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { eq, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Database } from '@/db';
import { acceptRequest, sendRequest } from '@/db/queries/requests';
import { comments, follows, mentorProfiles, mentorshipOffers, posts, users } from '@/db/schema';
import { rows } from '@/db/testing/rows';
import { initialResult } from '@/lib/action-result';
import { env, resolveAuthSecret } from '@/lib/env';

export const APP_DIR = path.dirname(new URL(import.meta.url).pathname);

// ---------------------------------------------------------------------------------------------
// Who is asking: the session cookie and the request headers the mocked next/headers returns.

const SESSION_COOKIE = 'authjs.session-token';

export const request = {
  cookie: '',
  ip: '203.0.113.1',
  /** Cookies Auth.js set during the call (a sign-in's new session). */
  setCookies: new Map<string, string>(),
};

/** Runs the next calls as `userId` (a real, signed session token), or signed out. */
export async function actAs(userId: string | undefined) {
  // A fresh address per actor, so per-address limits of one case do not leak into the next.
  request.ip = `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  request.setCookies.clear();
  if (!userId) {
    request.cookie = '';
    return;
  }
  const token = await encode({ token: { sub: userId }, secret: resolveAuthSecret(env()), salt: SESSION_COOKIE });
  request.cookie = `${SESSION_COOKIE}=${token}`;
}

export function nextHeadersMock() {
  const jar = {
    get: (name: string) => {
      const value = request.setCookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll: () => [...request.setCookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => request.setCookies.has(name),
    set: (name: string | { name: string; value: string }, value?: string) => {
      if (typeof name === 'object') request.setCookies.set(name.name, name.value);
      else request.setCookies.set(name, value ?? '');
      return jar;
    },
    delete: (name: string) => {
      request.setCookies.delete(name);
      return jar;
    },
  };
  return {
    headers: async () => currentHeaders(),
    cookies: async () => jar,
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
}

function currentHeaders() {
  return new Headers({
    host: 'localhost:3000',
    'x-forwarded-proto': 'http',
    'x-forwarded-for': request.ip,
    'x-real-ip': request.ip,
    'user-agent': 'vitest',
    cookie: request.cookie,
  });
}

// ---------------------------------------------------------------------------------------------
// next-auth: its Next.js glue (lib/index.js, lib/actions.js) re-done over @auth/core, because the
// package itself cannot load outside Next (it imports `next/server` without an extension). The
// Auth.js core does the work exactly as in production: the JWT session, the callbacks, the
// credentials provider's authorize(), the errors.

/** What Auth.js logged while the tests ran (a failed sign-in logs CredentialsSignin). */
export const authLog: unknown[] = [];

type Config = AuthConfig & { basePath?: string };
type ConfigSource = Config | ((request: Request | undefined) => Config | Promise<Config>);

function withDefaults(config: Config): Config {
  config.secret ??= process.env.AUTH_SECRET;
  config.basePath ||= '/api/auth';
  setEnvDefaults(process.env, config, true);
  return { ...config, logger: { error: (e) => authLog.push(e), warn: () => {}, debug: () => {} } };
}

export function nextAuthModule() {
  function NextAuth(source: ConfigSource) {
    const load = async () => withDefaults(typeof source === 'function' ? await source(undefined) : source);

    async function auth() {
      const config = await load();
      const headers = currentHeaders();
      const url = createActionURL('session', headers.get('x-forwarded-proto') ?? 'http', headers, process.env, config);
      const response = await Auth(new Request(url, { headers: { cookie: headers.get('cookie') ?? '' } }), {
        ...config,
        callbacks: {
          ...config.callbacks,
          async session(...args: Parameters<NonNullable<NonNullable<Config['callbacks']>['session']>>) {
            const params = args[0] as { session: { expires?: unknown }; user?: unknown; token?: unknown };
            const session = (await config.callbacks?.session?.(...args)) ?? params.session;
            return { user: params.user ?? params.token, ...session } as never;
          },
        },
      });
      return response.ok ? response.json() : null;
    }

    async function signIn(provider?: string, options: Record<string, unknown> = {}) {
      const config = await load();
      const headers = currentHeaders();
      const { redirect: shouldRedirect = true, redirectTo: target, ...rest } = options;
      const callbackUrl = String(target ?? '/');
      const signInUrl = createActionURL('signin', 'http', headers, process.env, config);
      const found = config.providers
        .map((p) => (typeof p === 'function' ? p() : p) as { id: string; type: string; options?: { id?: string; type?: string } })
        .find((p) => (p.options?.id ?? p.id) === provider);
      if (!provider || !found) {
        const url = `${signInUrl}?${new URLSearchParams({ callbackUrl })}`;
        return shouldRedirect ? redirectTo(url) : url;
      }
      let url = `${signInUrl}/${provider}?`;
      if ((found.options?.type ?? found.type) === 'credentials') url = url.replace('signin', 'callback');
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      const body = new URLSearchParams({ ...(rest as Record<string, string>), callbackUrl });
      const result = (await Auth(new Request(url, { method: 'POST', headers, body }), { ...config, raw, skipCSRFCheck })) as unknown as {
        redirect?: string;
        cookies?: { name: string; value: string }[];
      };
      for (const c of result?.cookies ?? []) request.setCookies.set(c.name, c.value);
      const location = result?.redirect ?? url;
      return shouldRedirect ? redirectTo(location) : location;
    }

    async function signOut(options: { redirectTo?: string; redirect?: boolean } = {}) {
      const config = await load();
      const headers = currentHeaders();
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      const url = createActionURL('signout', 'http', headers, process.env, config);
      const body = new URLSearchParams({ callbackUrl: options.redirectTo ?? '/' });
      const result = (await Auth(new Request(url, { method: 'POST', headers, body }), { ...config, raw, skipCSRFCheck })) as unknown as {
        redirect: string;
        cookies?: { name: string; value: string }[];
      };
      for (const c of result?.cookies ?? []) request.setCookies.set(c.name, c.value);
      return options.redirect ?? true ? redirectTo(result.redirect) : result;
    }

    const handler = async (req: Request) => Auth(req, await load());
    return { handlers: { GET: handler, POST: handler }, auth, signIn, signOut, unstable_update: async () => null };
  }
  return { default: NextAuth, AuthError, CredentialsSignin };
}

// ---------------------------------------------------------------------------------------------
// next/navigation and next/cache: the same signals Next throws, without a request scope.

export class NavigationSignal extends Error {
  constructor(readonly digest: string) {
    super(digest.split(';')[0]);
  }
}

const redirectTo = (url: string, status = 307): never => {
  throw new NavigationSignal(`NEXT_REDIRECT;replace;${url};${status};`);
};
const isNavigationSignal = (error: unknown): error is { digest: string } =>
  typeof (error as { digest?: unknown })?.digest === 'string' &&
  /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test((error as { digest: string }).digest);

export function nextNavigationMock() {
  return {
    redirect: (url: string) => redirectTo(url),
    permanentRedirect: (url: string) => redirectTo(url, 308),
    notFound: () => {
      throw new NavigationSignal('NEXT_HTTP_ERROR_FALLBACK;404');
    },
    forbidden: () => {
      throw new NavigationSignal('NEXT_HTTP_ERROR_FALLBACK;403');
    },
    unauthorized: () => {
      throw new NavigationSignal('NEXT_HTTP_ERROR_FALLBACK;401');
    },
    unstable_rethrow: (error: unknown) => {
      if (isNavigationSignal(error)) throw error;
    },
    RedirectType: { push: 'push', replace: 'replace' },
  };
}

export function nextCacheMock() {
  const nothing = () => {};
  return {
    revalidatePath: nothing,
    revalidateTag: nothing,
    updateTag: nothing,
    refresh: nothing,
    unstable_noStore: nothing,
    cacheLife: nothing,
    cacheTag: nothing,
    unstable_cache: <T>(fn: T) => fn,
  };
}

// ---------------------------------------------------------------------------------------------
// Finding the endpoints.

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
}

const rel = (file: string) => path.relative(APP_DIR, file).split(path.sep).join('/');

/** Files under app/ whose module starts with 'use server': every export is a public endpoint. */
export function serverActionFiles(): string[] {
  return walk(APP_DIR)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*\s*['"]use server['"]/.test(readFileSync(f, 'utf8')))
    .map(rel)
    .sort();
}

/** Files under app/ with a 'use server' inside a function: inline actions this test cannot list. */
export function inlineServerActionFiles(): string[] {
  return walk(APP_DIR)
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('test-support.ts'))
    .filter((f) => {
      const source = readFileSync(f, 'utf8');
      const directives = source.match(/^[ \t]+['"]use server['"]/gm);
      return Boolean(directives?.length);
    })
    .map(rel)
    .sort();
}

/** Files with 'use server' outside app/, where the actions are not looked for. */
export function serverActionFilesElsewhere(): string[] {
  const root = path.dirname(APP_DIR);
  return ['components', 'lib', 'db']
    .flatMap((dir) => walk(path.join(root, dir)))
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /['"]use server['"]/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(root, f));
}

export const routeFiles = () =>
  walk(APP_DIR)
    .filter((f) => /[\\/]route\.(ts|tsx)$/.test(f))
    .map(rel)
    .sort();

export type AnyAction = (...args: unknown[]) => Promise<unknown>;

/** Every exported function of every server-action file, as `<file>#<export>`. */
export async function loadActions(): Promise<Map<string, AnyAction>> {
  const found = new Map<string, AnyAction>();
  for (const file of serverActionFiles()) {
    const exported = (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      if (typeof value === 'function') found.set(`${file}#${name}`, value as AnyAction);
    }
  }
  return found;
}

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;

/** Every exported HTTP method of every route handler, as `<file>#<METHOD>`. */
export async function loadRoutes(): Promise<Map<string, RouteHandler>> {
  const found = new Map<string, RouteHandler>();
  for (const file of routeFiles()) {
    const exported = (await import(/* @vite-ignore */ path.join(APP_DIR, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof exported[method] === 'function') found.set(`${file}#${method}`, exported[method] as RouteHandler);
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Calling an action and saying what happened.

export type Outcome =
  | { kind: 'ok'; value: unknown }
  | { kind: 'refused'; value: { ok: false; error: string; fieldErrors?: Record<string, string[] | undefined>; values?: Record<string, unknown> } }
  | { kind: 'redirect'; location: string }
  | { kind: 'notFound' | 'forbidden' | 'unauthorized' }
  /** Anything else thrown: what a browser would see as a 500. */
  | { kind: 'error'; error: unknown };

export type FormValue = string | string[] | File | undefined;
export type FormFields = Record<string, FormValue>;

export function formData(fields: FormFields): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

export function classify(value: unknown): Outcome {
  if (value === undefined || (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === true)) return { kind: 'ok', value };
  if (typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false) return { kind: 'refused', value: value as never };
  return { kind: 'error', error: new Error(`Unexpected action result: ${JSON.stringify(value)}`) };
}

export function classifyThrown(error: unknown): Outcome {
  if (isNavigationSignal(error)) {
    const [code, , location] = error.digest.split(';');
    // Auth.js redirects to absolute URLs on the app's own origin.
    if (code === 'NEXT_REDIRECT') return { kind: 'redirect', location: (location ?? '').replace(/^http:\/\/localhost:3000(?=\/)/, '') };
    if (error.digest.endsWith(';403')) return { kind: 'forbidden' };
    if (error.digest.endsWith(';401')) return { kind: 'unauthorized' };
    return { kind: 'notFound' };
  }
  return { kind: 'error', error };
}

/** Calls a server action the way a form post does: (previous state, form data), or (form data). */
export async function callAction(action: AnyAction, fields: FormFields): Promise<Outcome> {
  try {
    const data = formData(fields);
    const value = action.length >= 2 ? await action(initialResult, data) : await action(data);
    return classify(value);
  } catch (error) {
    return classifyThrown(error);
  }
}

export const isSignInRedirect = (o: Outcome) => o.kind === 'redirect' && /^\/signin(\?|$)/.test(o.location);

export function describeOutcome(o: Outcome): string {
  switch (o.kind) {
    case 'ok':
      return 'ok';
    case 'refused':
      return `refused: ${o.value.error}${o.value.fieldErrors ? ` ${JSON.stringify(o.value.fieldErrors)}` : ''}`;
    case 'redirect':
      return `redirect to ${o.location}`;
    case 'error':
      return `threw ${o.error instanceof Error ? `${o.error.name}: ${o.error.message}${causeOf(o.error)}` : String(o.error)}`;
    default:
      return o.kind;
  }
}

function causeOf(error: Error): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? ` (cause: ${cause.message})` : '';
}

// ---------------------------------------------------------------------------------------------
// The whole database as one string: a refused call must leave it exactly as it was.

let fingerprintQuery: string | undefined;

/** Counters that a refused attempt legitimately moves (a rate limit counts attempts, not successes). */
const NOT_STATE = new Set(['rate_limits']);

export async function fingerprint(database: Database): Promise<Record<string, string>> {
  if (!fingerprintQuery) {
    const tables = await rows<{ name: string }>(database, sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
    fingerprintQuery = tables
      .map((t) => t.name)
      .filter((t) => !NOT_STATE.has(t))
      .map((t) => `select '${t}' as name, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as digest from "${t}" x`)
      .join(' union all ');
  }
  const result = await database.raw<{ name: string; digest: string }>(fingerprintQuery);
  return Object.fromEntries(result.map((r) => [r.name, r.digest]));
}

/** The tables whose contents differ between two fingerprints. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);

// ---------------------------------------------------------------------------------------------
// People and things.

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(++serial).toString(36)}${randomBytes(2).toString('hex')}`;

export const newHandle = (prefix = 'u') => `${prefix}_${unique()}`.slice(0, 30);

export async function createUser(
  database: Database,
  options: { name?: string; role?: 'member' | 'admin'; passwordHash?: string | null } = {},
): Promise<string> {
  const handle = newHandle(options.name ?? 'member');
  const [row] = await database.db
    .insert(users)
    .values({
      handle,
      displayName: options.name ?? 'Member',
      email: `${handle}@example.com`,
      passwordHash: options.passwordHash ?? null,
      role: options.role ?? 'member',
    })
    .returning({ id: users.id });
  return row!.id;
}

export async function makeMentor(database: Database, userId: string, profile: Partial<typeof mentorProfiles.$inferInsert> = {}) {
  await database.db
    .insert(mentorProfiles)
    .values({ userId, headline: 'Mentor', timezone: 'UTC', languages: ['en'], capacity: 3, ...profile });
  return userId;
}

export async function createMentor(database: Database, profile: Partial<typeof mentorProfiles.$inferInsert> = {}) {
  return makeMentor(database, await createUser(database, { name: 'mentor' }), profile);
}

export async function suspend(database: Database, userId: string) {
  await database.db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, userId));
}

export async function createPostRow(database: Database, authorId: string, options: { status?: 'draft' | 'published'; title?: string } = {}) {
  const status = options.status ?? 'published';
  const [row] = await database.db
    .insert(posts)
    .values({
      authorId,
      title: options.title ?? 'A post',
      slug: `post-${unique()}`,
      body: 'Some thoughts on growing as an engineer.',
      status,
      publishedAt: status === 'published' ? new Date() : null,
    })
    .returning({ id: posts.id, slug: posts.slug });
  return row!;
}

export async function createCommentRow(database: Database, postId: string, authorId: string, repliesToId: string, at = new Date()) {
  const [row] = await database.db
    .insert(comments)
    .values({ postId, authorId, repliesToId, body: 'A comment.', createdAt: at })
    .returning({ id: comments.id });
  return row!.id;
}

export const REQUEST_MESSAGE = 'I would love your help growing from mid-level to senior engineer over the next months.';

export async function createPendingRequest(menteeId: string, mentorId: string) {
  const sent = await sendRequest(menteeId, {
    mentorId,
    message: REQUEST_MESSAGE,
    goal: ['Lead a project', 'Write design docs'],
    cadence: 'fortnightly',
    lengthWeeks: 12,
  });
  if (!sent.ok) throw new Error(`fixture: ${sent.message}`);
  return sent.id;
}

export async function createActiveMentorship(database: Database, mentorId: string, menteeId: string) {
  const requestId = await createPendingRequest(menteeId, mentorId);
  const accepted = await acceptRequest(mentorId, requestId);
  if (!accepted.ok) throw new Error(`fixture: ${accepted.message}`);
  const goals = await rows<{ id: string }>(database, sql`select id from mentorship_goals where mentorship_id = ${accepted.mentorshipId} order by position`);
  return { mentorshipId: accepted.mentorshipId, goalId: goals[0]!.id, requestId };
}

/**
 * Two members whose connection has grown (lib/rapport.ts): each commented twice on the other's
 * post, in two different weeks, recently enough for the score.
 */
export async function growConnection(database: Database, a: string, b: string) {
  const postOfA = await createPostRow(database, a);
  const postOfB = await createPostRow(database, b);
  const day = 24 * 3600 * 1000;
  for (const daysAgo of [1, 9]) {
    const at = new Date(Date.now() - daysAgo * day);
    await createCommentRow(database, postOfA.id, b, a, at);
    await createCommentRow(database, postOfB.id, a, b, at);
  }
}

export async function createOffer(database: Database, kind: 'offer' | 'proposal', mentorId: string, menteeId: string) {
  const [row] = await database.db.insert(mentorshipOffers).values({ kind, mentorId, menteeId, message: 'Shall we?' }).returning({ id: mentorshipOffers.id });
  return row!.id;
}

export async function follow(database: Database, followerId: string, followeeId: string) {
  await database.db.insert(follows).values({ followerId, followeeId });
}

export const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

export const pngFile = () => new File([new Uint8Array(PNG_1X1)], 'avatar.png', { type: 'image/png' });

export const countWhere = async (database: Database, query: ReturnType<typeof sql>) =>
  Number((await rows<{ n: number | string }>(database, query))[0]?.n ?? 0);

