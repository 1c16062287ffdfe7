import { runMailJobs, type MailJobCounts } from '@/db/queries/mail';
import { cleanupRateLimits } from '@/db/queries/rate-limits';

const INTERVAL_MS = 60_000;

// On globalThis: hot reload re-evaluates this module, and the process must run one timer only.
const holder = globalThis as unknown as { __askOrGrowJobs?: ReturnType<typeof setInterval> };

const worthLogging = (c: MailJobCounts) => Object.values(c).some((n) => n > 0);

/**
 * Runs the mail job (expiry, reminders, digests, sending) and clears expired rate-limit
 * counters, now and then every minute. Every instance runs it: the job's locks and dedupe keys
 * make parallel runs safe. A failed run is logged and the next one tries again; it never takes
 * the server down. Returns a stop function.
 */
export function startJobs(options: { intervalMs?: number; log?: (m: string) => void } = {}) {
  const log = options.log ?? ((m: string) => console.log(`[ask-or-grow] ${m}`));
  if (holder.__askOrGrowJobs) return () => stopJobs();
  let running = false;
  const tick = async () => {
    // A slow run (a slow SMTP server) is not overlapped by the next tick of the same process.
    if (running) return;
    running = true;
    try {
      const counts = await runMailJobs();
      if (worthLogging(counts)) log(`mail job: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    } catch (error) {
      console.error('[ask-or-grow] mail job failed; it runs again in a minute:', error);
    }
    try {
      // Rate-limit counters whose window is over: any instance may delete them.
      await cleanupRateLimits();
    } catch (error) {
      console.error('[ask-or-grow] rate-limit cleanup failed; it runs again in a minute:', error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), options.intervalMs ?? INTERVAL_MS);
  // The timer alone must not keep a process alive that is otherwise done (scripts, tests).
  timer.unref();
  holder.__askOrGrowJobs = timer;
  return () => stopJobs();
}

export function stopJobs() {
  if (holder.__askOrGrowJobs) clearInterval(holder.__askOrGrowJobs);
  holder.__askOrGrowJobs = undefined;
}
