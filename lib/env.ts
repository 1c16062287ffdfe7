import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// Empty strings in .env files mean "not set", not "set to nothing".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL'),
  ),
  DATA_DIR: z.string().min(1).default('.data'),
  AUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 33)')),
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  AUTH_GOOGLE_ID: optional(z.string()),
  AUTH_GOOGLE_SECRET: optional(z.string()),
  // The address links in e-mails point to; AUTH_URL (Auth.js) is used when this is unset.
  APP_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  AUTH_URL: optional(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })),
  // Mail is sent by SMTP when SMTP_URL or SMTP_HOST is set; otherwise it is written to the log.
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL')),
  SMTP_HOST: optional(z.string()),
  SMTP_PORT: optional(z.coerce.number().int().min(1).max(65535)),
  SMTP_USER: optional(z.string()),
  SMTP_PASSWORD: optional(z.string()),
  MAIL_FROM: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string().regex(/<[^<>\s]+@[^<>\s]+>$|^[^<>\s]+@[^<>\s]+$/, 'must be an address, e.g. "Ask or Grow <no-reply@example.org>"').default('Ask or Grow <no-reply@localhost>'),
  ),
  // Shows the development outbox page (/dev/outbox) in production too: for staging only.
  MAIL_OUTBOX_PAGE: optional(z.enum(['1', 'true'])),
  // How many proxies (load balancers) in front of the app append to X-Forwarded-For, usually 1.
  // Only then is the client's address known, and limited per address (lib/client-address.ts).
  TRUST_PROXY_HEADERS: optional(z.coerce.number().int('must be a whole number of proxies, e.g. 1').min(0).max(10)),
  // How often each instance runs the scheduled jobs (db/jobs.ts). Shorter only for tests that
  // watch several instances run them; what is due is due by the minute anyway.
  JOBS_INTERVAL_SECONDS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int('must be a whole number of seconds').min(1).max(3600).default(60),
  ),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The environment, parsed once; throws a message naming the bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const dataDir = (e: Env = env()) => path.resolve(e.DATA_DIR);

/**
 * The secret that signs session tokens. Set AUTH_SECRET in production; for the embedded
 * default one is generated on first start and kept under DATA_DIR so sessions survive restarts.
 */
export function resolveAuthSecret(e: Env = env()): string {
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.DATABASE_URL && e.NODE_ENV === 'production') {
    throw new EnvError(
      'AUTH_SECRET is not set. With DATABASE_URL in production, set AUTH_SECRET to a random string of at least 32 characters (openssl rand -base64 33).',
    );
  }
  const file = path.join(dataDir(e), 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(33).toString('base64');
    try {
      // 'wx': if another process wrote it first, keep theirs.
      writeFileSync(file, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, 'utf8').trim();
    }
  }
}

/** The base of links in e-mails, without a trailing slash. */
export const appUrl = (e: Env = env()) => (e.APP_URL ?? e.AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');

export const oauthProviders = (e: Env = env()) => ({
  github: Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET),
  google: Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
});
