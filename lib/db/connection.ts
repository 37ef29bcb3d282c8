import net from 'node:net';
import { embeddedDir, embeddedUrl, readRunningEmbedded, startEmbedded } from './embedded';
import { env } from '../env';

export type Target = {
  url: string;
  /** Human description for logs: never contains a password. */
  label: string;
  kind: 'postgres' | 'embedded';
  /** Stops what was started to serve this target (an embedded server this process opened). */
  release: () => Promise<void>;
};

export class DatabaseUnreachableError extends Error {}

export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** Fails within `timeoutMs` with one line naming host and port when nothing answers there. */
export async function assertReachable(url: string, timeoutMs = 3000): Promise<void> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DatabaseUnreachableError('DATABASE_URL is not a valid URL: expected postgresql://user:password@host:port/database');
  }
  if (!/^postgres(ql)?:$/.test(u.protocol)) {
    throw new DatabaseUnreachableError(`DATABASE_URL must start with postgresql:// (got ${u.protocol}//)`);
  }
  const host = u.hostname || '127.0.0.1';
  const port = Number(u.port || 5432);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port });
    const fail = (why: string) => {
      socket.destroy();
      reject(
        new DatabaseUnreachableError(
          `Cannot reach Postgres at ${host}:${port} (${why}): check that the server is running, that host and port in DATABASE_URL are right, and that a firewall allows the connection.`,
        ),
      );
    };
    socket.setTimeout(timeoutMs, () => fail(`no answer within ${timeoutMs} ms`));
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => fail(error.code ?? error.message));
  });
}

/**
 * Where the command-line scripts and the server find the database: DATABASE_URL when set; otherwise the
 * embedded database, through its running owner when there is one, else opened by this process.
 */
export async function resolveTarget(): Promise<Target> {
  const fromEnv = env().DATABASE_URL;
  if (fromEnv) {
    await assertReachable(fromEnv);
    return { url: fromEnv, label: `Postgres at ${describeUrl(fromEnv)}`, kind: 'postgres', release: async () => {} };
  }
  const running = readRunningEmbedded();
  if (running) {
    const url = embeddedUrl(running);
    await assertReachable(url, 2000);
    return {
      url,
      label: `embedded Postgres (PGlite) in ${embeddedDir()}, served by process ${running.pid} on ${running.host}:${running.port}`,
      kind: 'embedded',
      release: async () => {},
    };
  }
  const server = await startEmbedded();
  return {
    url: server.url,
    label: `embedded Postgres (PGlite) in ${server.dir}, on ${server.info.host}:${server.info.port}`,
    kind: 'embedded',
    release: server.stop,
  };
}
