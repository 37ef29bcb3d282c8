import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { assertReachable } from '../lib/db/connection';
import { startEmbedded } from '../lib/db/embedded';

export type BenchTarget = { url: string; label: string; kind: 'postgres' | 'embedded'; release: () => Promise<void> };

/**
 * A named benchmark database: `<name>` on the Postgres server of DATABASE_URL, or an embedded database in
 * `.data-<name>` without it. `fresh` drops what was there.
 */
export async function benchDatabase(name: string, options: { fresh: boolean }): Promise<BenchTarget & { existed: boolean }> {
  const server = process.env.DATABASE_URL;
  if (server) {
    await assertReachable(server);
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    try {
      const [row] = await admin<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_database WHERE datname = ${name}`;
      let existed = (row?.n ?? 0) > 0;
      if (existed && options.fresh) {
        await admin.unsafe(`DROP DATABASE "${name}" WITH (FORCE)`);
        existed = false;
      }
      if (!existed) await admin.unsafe(`CREATE DATABASE "${name}"`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      return { url: url.toString(), label: `Postgres database ${name} at ${url.hostname}:${url.port || 5432}`, kind: 'postgres', existed, release: async () => {} };
    } finally {
      await admin.end();
    }
  }
  const dir = path.resolve(`.data-${name}`);
  if (options.fresh) fs.rmSync(dir, { recursive: true, force: true });
  const existed = fs.existsSync(path.join(dir, 'pgdata'));
  const embedded = await startEmbedded({ dir });
  return { url: embedded.url, label: `embedded Postgres (PGlite) in ${dir}`, kind: 'embedded', existed, release: embedded.stop };
}
