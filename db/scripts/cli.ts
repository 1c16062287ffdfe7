import { DataDirLockedError } from '@/db/lock';
import { EnvError } from '@/lib/env';

/** Runs a command-line script: known set-up errors print their message, not a stack trace. */
export async function runScript(main: () => Promise<void>) {
  try {
    await main();
    process.exit(0);
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof EnvError) {
      console.error(`\n${error.message}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  }
}
