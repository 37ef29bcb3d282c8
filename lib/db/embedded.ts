import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { serveOverWire } from './wire-server';
import { env } from '../env';

/**
 * The embedded database: PGlite in one process, served on loopback through the Postgres wire protocol,
 * so the app, the migration runner and the seed use the same driver and SQL as on a real Postgres.
 * One process owns a data directory (PGlite is single-process); it records its port in
 * `<dir>/server.json` so the command-line scripts can go through it instead of opening the files.
 */

export type EmbeddedInfo = { pid: number; host: string; port: number; startedAt: string };

export class EmbeddedDatabaseError extends Error {}

/** An empty EMBEDDED_DATA_DIR means the default too: path.resolve('') is the working folder, not a data folder. */
export function embeddedDir(): string {
  return path.resolve(env().EMBEDDED_DATA_DIR ?? '.data');
}

const lockFile = (dir: string) => path.join(dir, 'owner.pid');
const infoFile = (dir: string) => path.join(dir, 'server.json');
const pgDir = (dir: string) => path.join(dir, 'pgdata');

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running owner of `dir`, if any (a dead owner's files are stale and ignored). */
export function readRunningEmbedded(dir = embeddedDir()): EmbeddedInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(infoFile(dir), 'utf8')) as EmbeddedInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

export function embeddedUrl(info: Pick<EmbeddedInfo, 'host' | 'port'>): string {
  return `postgresql://postgres@${info.host}:${info.port}/postgres?sslmode=disable`;
}

/** The database URL of the process that owns `dir` (as `npm start` records it), for scripts and tests. */
export function ownerUrl(dir: string): string {
  const running = readRunningEmbedded(dir);
  if (!running) throw new Error(`no running owner of the embedded database in ${dir}`);
  return embeddedUrl(running);
}

function takeLock(dir: string): void {
  const file = lockFile(dir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new EmbeddedDatabaseError(
          `The embedded database in ${dir} is in use by process ${owner}. ` +
            'Stop that process (or set EMBEDDED_DATA_DIR to another folder); nothing was changed.',
        );
      }
      // The previous owner died without cleaning up (kill -9, power loss): its lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseError(`Could not lock the embedded database in ${dir}.`);
}

export type EmbeddedServer = {
  url: string;
  info: EmbeddedInfo;
  dir: string;
  stop: () => Promise<void>;
};

/** Opens (creating if needed) the data directory and serves it on 127.0.0.1 only. */
export async function startEmbedded(options: { dir?: string; port?: number } = {}): Promise<EmbeddedServer> {
  const dir = options.dir ?? embeddedDir();
  fs.mkdirSync(dir, { recursive: true });
  takeLock(dir);
  let db: PGlite;
  try {
    db = await PGlite.create({ dataDir: pgDir(dir) });
  } catch (error) {
    fs.rmSync(lockFile(dir), { force: true });
    throw new EmbeddedDatabaseError(
      `The embedded database in ${pgDir(dir)} could not be opened (${(error as Error).message || String(error)}). ` +
        'It may be damaged or written by another PGlite version. Nothing was deleted; move the folder away to start afresh.',
    );
  }
  const host = '127.0.0.1';
  const server = await serveOverWire(db, { host, port: options.port ?? 0 });
  const port = server.port;
  const info: EmbeddedInfo = { pid: process.pid, host, port, startedAt: new Date().toISOString() };
  fs.writeFileSync(infoFile(dir), JSON.stringify(info));
  let stopped = false;
  return {
    url: embeddedUrl(info),
    info,
    dir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.close();
      await db.close();
      fs.rmSync(infoFile(dir), { force: true });
      fs.rmSync(lockFile(dir), { force: true });
    },
  };
}
