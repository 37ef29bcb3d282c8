import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareDatabase } from '../db/prepare';
import { buildIfNeeded } from './build';
import { log, runWithDatabase } from './run';

await runWithDatabase(async (target) => {
  const started = Date.now();
  const { seeded } = await prepareDatabase(target.url, log, { embedded: target.kind === 'embedded' });
  if (!seeded) log('database already has data: seed skipped');
  log(`database ready in ${Date.now() - started} ms`);
  buildIfNeeded();
  const port = process.env.PORT ?? '3000';
  const child = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: target.url,
      DATABASE_KIND: target.kind,
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  log(`starting http://localhost:${port}`);
  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    stopping = true;
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 0 : 1))));
  // A stop we were asked for is a clean exit (Next exits 130 on SIGINT); the embedded database is closed after this.
  process.exitCode = stopping ? 0 : code;
});
