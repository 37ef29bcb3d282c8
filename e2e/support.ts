import net from 'node:net';
import path from 'node:path';

import { expect } from '@playwright/test';
import { ownerUrl } from '../lib/db/embedded';
import { spawnLogged } from '../scripts/ops/process';

export { freePort, healthStatus, spawnLogged, waitFor, type Spawned } from '../scripts/ops/process';

/** The database the suite's web server uses: E2E_DATABASE_URL, or the embedded server recorded in its data folder. */
export function suiteDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  return ownerUrl(path.resolve(process.env.E2E_EMBEDDED_DIR || '.data-e2e'));
}

/** A TCP pass-through that a test can cut and restore, to take the database away from a running server. */
export class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target);
      this.sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The suite's database for a CLI run beside the web server. */
export const databaseEnv = (): Record<string, string> =>
  process.env.E2E_DATABASE_URL
    ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
    : { DATABASE_URL: '', EMBEDDED_DATA_DIR: process.env.E2E_EMBEDDED_DIR || '.data-e2e' };

/** Creates an account through the CLI (or finds it there already). */
export async function ensureUser(account: { email: string; password: string }, role: string) {
  const run = spawnLogged(process.execPath, ['--import', 'tsx', 'scripts/user-create.ts', '--email', account.email, '--role', role, '--password', account.password], databaseEnv());
  const code = await run.exited;
  expect(code === 0 || run.output().includes('exists already'), run.output()).toBe(true);
}
