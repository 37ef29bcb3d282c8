import pg from 'pg';
import { env } from '../env';

/**
 * Whether the database answers, as the proxy sees it: a one-connection pool of its own asks `SELECT 1` at most
 * once a second while the database is up and four times a second while it is down. Requests never wait for a
 * probe: they read the last answer, so an outage is noticed within about a second and the recovery as quickly.
 */
type State = { up: boolean; checkedAt: number; probing: boolean; reason: string };
const store = globalThis as unknown as { atlasAvailability?: { state: State; pool: pg.Pool | null } };

const PROBE_UP_MS = 1000;
const PROBE_DOWN_MS = 250;
const PROBE_TIMEOUT_MS = 1500;

function availability() {
  if (store.atlasAvailability) return store.atlasAvailability;
  const url = env().DATABASE_URL;
  const pool = url
    ? new pg.Pool({ connectionString: url, max: 1, idleTimeoutMillis: 30_000, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, allowExitOnIdle: true })
    : null;
  // A connection that breaks while idle is reported here; without a listener it would end the process.
  pool?.on('error', () => {});
  store.atlasAvailability = { state: { up: true, checkedAt: 0, probing: false, reason: '' }, pool };
  return store.atlasAvailability;
}

async function probe(): Promise<void> {
  const { state, pool } = availability();
  if (!pool) return;
  state.probing = true;
  try {
    await pool.query('SELECT 1');
    state.up = true;
    state.reason = '';
  } catch (error) {
    state.up = false;
    state.reason = error instanceof Error ? error.message : String(error);
  } finally {
    state.checkedAt = Date.now();
    state.probing = false;
  }
}

/** The last known answer; starts a probe in the background when that answer is old. */
export function databaseUp(): boolean {
  const { state } = availability();
  if (!state.probing && Date.now() - state.checkedAt > (state.up ? PROBE_UP_MS : PROBE_DOWN_MS)) void probe();
  return state.up;
}

/** Driver messages and codes that mean "the database is not there", as opposed to a bad query. */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|Connection terminated|terminating connection|the database system is (shutting down|starting up|in recovery mode)|Can't reach database|Server has closed the connection|57P01|57P02|57P03|P1001|P1017/i;

/**
 * Called by the app when a query fails: if the database is unreachable, the proxy answers 503 from the next
 * request on, without waiting for its probe (which then watches for the return four times a second).
 */
export function noteDatabaseError(error: unknown): void {
  const text = error instanceof Error ? `${error.message} ${String((error as { code?: unknown }).code ?? '')} ${error.cause instanceof Error ? error.cause.message : String(error.cause ?? '')}` : String(error);
  if (!UNREACHABLE.test(text)) return;
  const { state } = availability();
  state.up = false;
  state.reason = text.slice(0, 300);
  state.checkedAt = Date.now();
}
