import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export type Spawned = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

export function spawnLogged(command: string, args: string[], env: Record<string, string>): Spawned {
  let output = '';
  const child = spawn(command, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // 'close' rather than 'exit': it waits until the output streams are drained.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Asks a spawned process to stop (SIGINT, as Ctrl-C would) and waits until it has; a no-op once it has exited. */
export async function stopSpawned(spawned: Spawned): Promise<void> {
  if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) return;
  spawned.child.kill('SIGINT');
  await spawned.exited;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

export async function healthStatus(base: string): Promise<number> {
  const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) });
  await response.arrayBuffer();
  return response.status;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export type AppServer = Spawned & { base: string; stop: () => Promise<void> };

/**
 * A production server for a script or system test: `next start` on DATABASE_URL when given a database URL, or
 * `npm start`'s launcher (which owns the embedded database) on a data folder. Resolves once /api/health is 200.
 */
export async function startAppServer(target: { databaseUrl: string } | { embeddedDir: string }, env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const spawned =
    'databaseUrl' in target
      ? spawnLogged(process.execPath, ['--import', 'tsx', path.join('scripts', 'serve.ts')], { DATABASE_URL: target.databaseUrl, PORT: String(port), NODE_ENV: 'production', ...env })
      : spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { DATABASE_URL: '', EMBEDDED_DATA_DIR: target.embeddedDir, PORT: String(port), ...env });
  const base = `http://127.0.0.1:${port}`;
  const exitedEarly = spawned.exited.then(() => {
    throw new Error(`the server exited before it was healthy:\n${spawned.output().slice(-2000)}`);
  });
  await Promise.race([waitFor(async () => (await healthStatus(base)) === 200, 120_000, `the server on ${port}`), exitedEarly]);
  exitedEarly.catch(() => {});
  return {
    ...spawned,
    base,
    stop: () => stopSpawned(spawned),
  };
}
