import fs from 'node:fs';
import { EmbeddedDatabaseError } from '../lib/db/embedded';
import { DatabaseUnreachableError, resolveTarget, type Target } from '../lib/db/connection';
import { MigrationError } from '../lib/db/migrate';

// Same variables as .env.example; the shell's environment wins over the file.
if (fs.existsSync('.env')) process.loadEnvFile('.env');

export const log = (line: string) => console.log(`[atlas] ${line}`);

/** Runs a command-line task against the resolved database; known failures print one line, not a stack trace. */
export async function runWithDatabase(task: (target: Target) => Promise<void>): Promise<void> {
  let target: Target | undefined;
  try {
    target = await resolveTarget();
    log(`database: ${target.label}`);
    await task(target);
  } catch (error) {
    if (error instanceof DatabaseUnreachableError || error instanceof EmbeddedDatabaseError || error instanceof MigrationError) {
      console.error(`[atlas] ${error.message}`);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await target?.release();
  }
  // A command is done here: exit even if a library left a handle open, so a failure can never hang a script.
  process.exit(process.exitCode ?? 0);
}
