/**
 * `npm run dev`: the contributor's loop. Prepares the database as `npm start` does (the embedded one in `.data/`
 * unless DATABASE_URL names another: migrated, seeded when empty, a first admin) and runs `next dev` on it, with
 * hot reload. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { log, runWithDatabase } from './run';

await runWithDatabase(async (target) => {
  const { seeded } = await prepareDatabase(target.url, log, { embedded: target.kind === 'embedded' });
  if (!seeded) log('database already has data: seed skipped');
  const port = process.env.PORT ?? '3000';
  const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '-p', port], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, DATABASE_URL: target.url, DATABASE_KIND: target.kind, NEXT_TELEMETRY_DISABLED: '1' },
  });
  log(`development server on http://localhost:${port} (hot reload; not for production: npm start)`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  // Whatever of the group outlived Next's CLI (the dev server it forks) ends too, before the database closes.
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exitCode = stopping ? 0 : code;
});
