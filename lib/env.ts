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

export const oauthProviders = (e: Env = env()) => ({
  github: Boolean(e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET),
  google: Boolean(e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET),
});
