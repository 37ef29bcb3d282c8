import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '../prepare-database';
import { observationConsistency } from './consistency';
import { ownerUrl } from '../../lib/db/embedded';
import { editorSession, runLoad, summarise, valueIds, type Outcome } from './load';
import { PgCluster } from './pg-cluster';
import { freePort, startAppServer, waitFor } from './process';

type Sample = { at: number; page: number; pageSaysUnavailable: boolean; health: number; cache: string; heading: string; took: number };

/**
 * Postgres stops in the middle of a mixed load (pg_ctl stop -m immediate: like a crash) and starts again.
 * A monitor asks for `/` and /api/health every 100 ms throughout. Measures: what pages and health answered while the
 * database was away, how long after the restart both were 200 again, what the load saw, and whether every write is
 * whole (version = audit rows + 1, every acknowledged write present).
 */
export async function postgresStopDuringLoad(options: { connections: number; beforeSeconds: number; outageSeconds: number; afterSeconds: number }) {
  const cluster = await PgCluster.create(await freePort());
  try {
    await prepareDatabase(cluster.url, () => {}); // migrate and seed, as npm start does
    const server = await startAppServer({ databaseUrl: cluster.url });
    try {
      const { cookie } = await editorSession(cluster.url);
      const observationIds = await valueIds(cluster.url);
      const started = Date.now();
      const samples: Sample[] = [];
      let monitoring = true;
      const monitor = (async () => {
        while (monitoring) {
          const at = Date.now() - started;
          const [page, health] = await Promise.all([
            fetch(server.base, { signal: AbortSignal.timeout(5000) }).then(async (r) => ({ status: r.status, text: await r.text(), cache: r.headers.get('x-atlas-cache') ?? '' })).catch(() => ({ status: 0, text: '', cache: '' })),
            fetch(`${server.base}/api/health`, { signal: AbortSignal.timeout(5000) }).then(async (r) => (await r.arrayBuffer(), r.status)).catch(() => 0),
          ]);
          samples.push({ at, page: page.status, pageSaysUnavailable: page.text.includes('<h1>Database unavailable</h1>'), health, cache: page.cache, heading: /<h1[^>]*>([^<]{0,80})/.exec(page.text)?.[1] ?? '', took: Date.now() - started - at });
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const seconds = options.beforeSeconds + options.outageSeconds + options.afterSeconds;
      const load = runLoad({ base: server.base, cookie, observationIds, seconds, connections: options.connections, writeShare: 0.05, timeoutMs: 15_000 });
      await new Promise((resolve) => setTimeout(resolve, options.beforeSeconds * 1000));
      const stoppedAt = Date.now() - started;
      await cluster.stop('immediate');
      const stopTook = Date.now() - started - stoppedAt;
      await new Promise((resolve) => setTimeout(resolve, options.outageSeconds * 1000));
      // The database answers again during start(), before it returns: the outage ends when the start begins.
      const restartingAt = Date.now() - started;
      await cluster.start();
      const restartedAt = Date.now() - started;
      const result = await load;
      monitoring = false;
      await monitor;
      const recovered = samples.find((s) => s.at >= restartedAt && s.page === 200 && s.health === 200 && samples.filter((t) => t.at > s.at).every((t) => t.page === 200 && t.health === 200));
      // While away, after a second for the proxy to notice: every sample a 503 "Database unavailable" page and 503 health.
      // A sample counts when it was answered before the restart began: one begun during the outage but answered after
      // the database came back (the server may wait up to a second for the data version) is rightly a page.
      const away = samples.filter((s) => s.at >= stoppedAt + 1500 && s.at + s.took < restartingAt);
      const summary = summarise(result, (o: Outcome) => o.status === 200 || (o.kind === 'write' && o.status === 409) || (o.status === 503 && o.at >= stoppedAt && o.at < restartedAt + 5000));
      const transitional = result.outcomes.filter((o) => o.status === 500 && o.at >= stoppedAt && o.at < stoppedAt + 2000).length;
      const consistency = await observationConsistency(cluster.url, result.committed);
      return {
        stoppedAt, restartedAt,
        recoveryMs: recovered ? recovered.at - restartedAt : null,
        away: {
          samples: away.length,
          pages503: away.filter((s) => s.page === 503 && s.pageSaysUnavailable).length,
          health503: away.filter((s) => s.health === 503).length,
          // what the other page samples were, to say why the verdict failed
          stopTook,
          otherPages: away.filter((s) => !(s.page === 503 && s.pageSaysUnavailable)).map((s) => `${s.page}${s.pageSaysUnavailable ? '' : ' (not the unavailable page: "' + s.heading + '")'}${s.cache ? ` (page cache ${s.cache})` : ''} at +${s.at - stoppedAt} ms, answered in ${s.took} ms`),
        },
        summary, transitional,
        unexpected: summary.errors.filter((o) => !(o.status === 500 && o.at >= stoppedAt && o.at < stoppedAt + 2000)),
        consistency,
        alive: server.child.exitCode === null && server.child.signalCode === null,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await cluster.destroy();
  }
}

function descendants(pid: number): number[] {
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}

/**
 * The embedded default: editors write through the API while `npm start` (which owns the PGlite folder) and its
 * Next.js server are killed with SIGKILL; then `npm start` again on the same folder. Measures the restart and
 * checks that the data is consistent and that every write acknowledged before the kill is there.
 */
export async function embeddedKillDuringWrites(options: { connections: number; secondsBeforeKill: number }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-kill-'));
  try {
    let server = await startAppServer({ embeddedDir: dir });
    const url = () => ownerUrl(dir);
    const { cookie } = await editorSession(url());
    const observationIds = await valueIds(url());
    const load = runLoad({ base: server.base, cookie, observationIds, seconds: options.secondsBeforeKill + 3, connections: options.connections, writeShare: 1, timeoutMs: 5000 });
    await new Promise((resolve) => setTimeout(resolve, options.secondsBeforeKill * 1000));
    const pids = [server.child.pid!, ...descendants(server.child.pid!)];
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    await server.exited;
    const result = await load;
    const acknowledged = result.committed.length;
    const restartStarted = Date.now();
    server = await startAppServer({ embeddedDir: dir });
    const restartMs = Date.now() - restartStarted;
    try {
      await waitFor(async () => (await fetch(server.base)).status === 200, 10_000, 'the overview after the restart');
      const consistency = await observationConsistency(url(), result.committed);
      return { killed: pids.length, acknowledged, restartMs, consistency, afterRestart: (await fetch(server.base)).status };
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
