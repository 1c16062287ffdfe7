import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EnvError, parseEnv as parse, resolveAuthSecret } from './env';

const parseEnv = (vars: Record<string, string>) => parse(vars as NodeJS.ProcessEnv);

const dir = mkdtempSync(path.join(tmpdir(), 'aog-env-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('environment', () => {
  it('stops production start-up on Postgres without AUTH_SECRET, saying so', () => {
    const e = parseEnv({ NODE_ENV: 'production', DATABASE_URL: 'postgres://localhost/app', DATA_DIR: dir });
    expect(() => resolveAuthSecret(e)).toThrow(EnvError);
    expect(() => resolveAuthSecret(e)).toThrow(/AUTH_SECRET is not set/);
  });

  it('generates a secret for the embedded default once and keeps it under DATA_DIR', () => {
    const e = parseEnv({ NODE_ENV: 'production', DATA_DIR: dir });
    const first = resolveAuthSecret(e);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8')).toBe(first);
    expect(resolveAuthSecret(e)).toBe(first);
  });

  it('names the malformed variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\//);
    expect(() => parseEnv({ AUTH_SECRET: 'short' })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
  });

  it('runs the jobs every minute unless told otherwise, and only at a sensible pace', () => {
    expect(parseEnv({}).JOBS_INTERVAL_SECONDS).toBe(60);
    expect(parseEnv({ JOBS_INTERVAL_SECONDS: '2' }).JOBS_INTERVAL_SECONDS).toBe(2);
    expect(() => parseEnv({ JOBS_INTERVAL_SECONDS: '0' })).toThrow(/JOBS_INTERVAL_SECONDS/);
    expect(() => parseEnv({ JOBS_INTERVAL_SECONDS: '1.5' })).toThrow(/JOBS_INTERVAL_SECONDS: must be a whole number of seconds/);
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', AUTH_SECRET: ' ' })).toMatchObject({ DATABASE_URL: undefined, AUTH_SECRET: undefined });
  });
});
