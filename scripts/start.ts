import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareDatabase } from './prepare-database';
import { buildIfNeeded } from './build';
import { log, runWithDatabase } from './run';

const STOP_GRACE_MS = 10_000;

await runWithDatabase(async (target) => {
  const started = Date.now();
  const { seeded } = await prepareDatabase(target.url, log, { embedded: target.kind === 'embedded' });
  if (!seeded) log('database already has data: seed skipped');
  log(`database ready in ${Date.now() - started} ms`);
  buildIfNeeded();
  const port = process.env.PORT ?? '3000';
  // Its own process group (Next's CLI and the next-server it forks), so a stop reaches both and can be enforced.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'serve.ts')], {
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      DATABASE_KIND: target.kind,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      PORT: port,
    },
  });
  log(`starting http://localhost:${port}`);
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
    // Next waits for open connections to finish; a browser's keep-alive must not hold the database open forever.
    setTimeout(() => {
      log(`the web server did not stop within ${STOP_GRACE_MS / 1000} s after ${signal}: ending it`);
      group('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  // A stop we were asked for is a clean exit (Next exits 130 on SIGINT); the embedded database is closed after this.
  group('SIGKILL'); // anything of the group still running (next-server after the CLI exited)
  process.exitCode = stopping ? 0 : code;
});
