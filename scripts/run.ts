import { spawn } from 'node:child_process';
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

/**
 * Runs a web server in a process group of its own (a CLI and whatever it forks) until it exits or this process is
 * asked to stop: the stop is forwarded to the whole group and enforced after `graceMs` (a keep-alive connection
 * must not hold the database open forever), and whatever of the group is left is ended before the database
 * closes. Resolves with the exit code to report: 0 after a requested stop.
 */
export async function runServerGroup(args: string[], env: NodeJS.ProcessEnv, graceMs: number): Promise<number> {
  const child = spawn(process.execPath, args, { stdio: 'inherit', detached: true, env });
  let stopping = false;
  const group = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const forward = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    group(signal);
    setTimeout(() => {
      log(`the web server did not stop within ${graceMs / 1000} s after ${signal}: ending it`);
      group('SIGKILL');
    }, graceMs).unref();
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  group('SIGKILL');
  // A stop we were asked for is a clean exit (Next exits 130 on SIGINT).
  return stopping ? 0 : code;
}
