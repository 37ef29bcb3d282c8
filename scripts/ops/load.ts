import crypto from 'node:crypto';
import { createPrismaClient } from '../../lib/db/client';
import { createUser, sessionId } from '../../lib/auth/users';

/** The ids of every observation with a numeric value: what the load's writers pick from. */
export async function valueIds(databaseUrl: string): Promise<number[]> {
  const db = createPrismaClient(databaseUrl, { max: 1 });
  try {
    return (await db.observation.findMany({ where: { value: { not: null } }, select: { id: true }, orderBy: { id: 'asc' } })).map((o) => o.id);
  } finally {
    await db.$disconnect();
  }
}

/** An editor and a session for it, made directly in the database (no sign-in round trip, no throttling). */
export async function editorSession(databaseUrl: string, email = `load-${crypto.randomBytes(4).toString('hex')}@example.org`, role: 'VIEWER' | 'EDITOR' | 'ADMIN' = 'EDITOR'): Promise<{ cookie: string; userId: number }> {
  const db = createPrismaClient(databaseUrl, { max: 1 });
  try {
    const { user } = await createUser(db, { email, role });
    const token = crypto.randomBytes(32).toString('base64url');
    await db.session.create({ data: { id: sessionId(token), userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) } });
    return { cookie: `atlas_session=${token}`, userId: user.id };
  } finally {
    await db.$disconnect();
  }
}

/** The reads of the mix: every view and the chart exports, weighted roughly as a reader uses them. */
export const READS: { path: string; weight: number }[] = [
  { path: '/', weight: 30 },
  { path: '/dimensions/gas', weight: 12 },
  { path: '/dimensions/trade', weight: 8 },
  { path: '/partners/RUS', weight: 10 },
  { path: '/partners/UKR', weight: 5 },
  { path: '/compare?partners=RUS,UKR,NATO', weight: 10 },
  { path: '/timeline', weight: 8 },
  { path: '/methodology', weight: 4 },
  { path: '/api/charts/gas_import_share.csv?partners=RUS,NATO', weight: 6 },
  { path: '/api/charts/gas_import_share.svg?partners=RUS,NATO', weight: 4 },
  { path: '/api/charts/gas_import_share.png?partners=RUS,NATO', weight: 1 },
];

export type Outcome = { at: number; kind: 'read' | 'write'; method: string; path: string; status: number; ms: number; error?: string };

export type LoadResult = {
  seconds: number;
  connections: number;
  outcomes: Outcome[];
  /** writes answered 200, with the version they produced */
  committed: { id: number; version: number }[];
};

function pick<T extends { weight: number }>(items: T[], r: number): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let x = r * total;
  for (const item of items) {
    x -= item.weight;
    if (x <= 0) return item;
  }
  return items[items.length - 1]!;
}

/**
 * `connections` concurrent clients, each sending its next request when the last is answered, for `seconds`:
 * reads from READS, and with probability `writeShare` an editor write (GET the value's version, then PATCH it, as
 * the grid does). A 409 (someone else's edit came first) is a correct refusal, not an error.
 */
export async function runLoad(options: { base: string; cookie: string; observationIds: number[]; seconds: number; connections: number; writeShare: number; timeoutMs?: number }): Promise<LoadResult> {
  const { base, cookie, observationIds, seconds, connections, writeShare } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const outcomes: Outcome[] = [];
  const committed: { id: number; version: number }[] = [];
  const started = Date.now();
  const deadline = started + seconds * 1000;

  const request = async (kind: Outcome['kind'], path: string, init?: RequestInit): Promise<Response | null> => {
    const t0 = performance.now();
    try {
      const response = await fetch(base + path, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const body = await response.arrayBuffer();
      outcomes.push({ at: Date.now() - started, kind, method: init?.method ?? 'GET', path, status: response.status, ms: performance.now() - t0 });
      return new Response(body, { status: response.status, headers: response.headers });
    } catch (error) {
      outcomes.push({ at: Date.now() - started, kind, method: init?.method ?? 'GET', path, status: 0, ms: performance.now() - t0, error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  const client = async () => {
    while (Date.now() < deadline) {
      if (Math.random() < writeShare && observationIds.length > 0) {
        const id = observationIds[Math.floor(Math.random() * observationIds.length)]!;
        const current = await request('write', `/api/observations/${id}`, { headers: { cookie } });
        if (!current || current.status !== 200) continue;
        const o = (await current.json()) as { version: number; status: string; sourceId: number };
        const value = (Math.floor(Math.random() * 10_000) / 100).toFixed(2);
        const saved = await request('write', `/api/observations/${id}`, {
          method: 'PATCH',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ version: o.version, value, status: o.status, sourceId: o.sourceId, reason: 'load test' }),
        });
        if (saved?.status === 200) committed.push({ id, version: ((await saved.json()) as { version: number }).version });
      } else {
        await request('read', pick(READS, Math.random()).path);
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  return { seconds: (Date.now() - started) / 1000, connections, outcomes, committed };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Counts, throughput and latency percentiles; `expected` says which statuses are answers rather than errors. */
export function summarise(result: LoadResult, expected: (o: Outcome) => boolean = (o) => o.status === 200 || (o.kind === 'write' && o.status === 409)) {
  const latencies = result.outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const errors = result.outcomes.filter((o) => !expected(o));
  const byStatus: Record<string, number> = {};
  for (const o of result.outcomes) byStatus[o.status || 'network'] = (byStatus[o.status || 'network'] ?? 0) + 1;
  // An editor write is one operation of two requests (read the version, then PATCH); the share counts operations.
  const writes = result.outcomes.filter((o) => o.method === 'PATCH').length;
  const reads = result.outcomes.filter((o) => o.kind === 'read').length;
  const paths = new Map<string, number[]>();
  for (const o of result.outcomes) {
    const key = o.kind === 'write' ? 'write (GET + PATCH /api/observations/:id)' : o.path;
    const list = paths.get(key);
    if (list) list.push(o.ms);
    else paths.set(key, [o.ms]);
  }
  const byPath = [...paths.entries()].map(([path, ms]) => {
    const sorted = ms.sort((a, b) => a - b);
    return { path, count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  });
  return {
    byPath,
    requests: result.outcomes.length,
    throughput: result.outcomes.length / result.seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    byStatus,
    writeShare: writes / Math.max(1, writes + reads),
    committed: result.committed.length,
    conflicts: result.outcomes.filter((o) => o.status === 409).length,
    errors,
  };
}
