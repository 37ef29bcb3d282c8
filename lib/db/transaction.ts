import type { Db } from './client';

/** What a user is told when a write could not get a connection (or its turn) within the budget. */
export const BUSY_MESSAGE = 'The database is busy; nothing was saved; try again.';
/** Seconds a client is asked to wait before trying again (the Retry-After of a 503). */
export const BUSY_RETRY_AFTER_SECONDS = 5;

/**
 * The one policy for every interactive transaction.
 *
 * - `maxWait` is how long a write may queue for a connection. It is sized so that a burst of
 *   EXPECTED_CONCURRENT_WRITES saves arriving at once all get their turn: the queue in front of the last one drains at
 *   `parallelism` transactions at a time, each taking up to WRITE_BUDGET_MS on a busy 2-core machine
 *   (measured: ~10 ms on Postgres, ~25 ms on the embedded database, which runs one transaction at a time whatever
 *   its pool size). Bounded below so a small burst on a slow day still waits, and above so nobody waits forever.
 * - `timeout` bounds how long one transaction may hold its connection (and its row locks): an edit is a handful of
 *   statements, so one still open after this is stuck, and is rolled back rather than left to block the others.
 */
export const EXPECTED_CONCURRENT_WRITES = 200;
const WRITE_BUDGET_MS = 60;
const MIN_WAIT_MS = 5_000;
const MAX_WAIT_MS = 30_000;

export type TransactionPolicy = { maxWait: number; timeout: number };

export function transactionPolicy(options: { poolMax: number; embedded: boolean }): TransactionPolicy {
  const parallelism = options.embedded ? 1 : Math.max(1, options.poolMax);
  const drain = Math.ceil(EXPECTED_CONCURRENT_WRITES / parallelism) * WRITE_BUDGET_MS;
  const maxWait = Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, drain));
  return { maxWait, timeout: 10_000 };
}

/** A write that did not get its turn within the policy's budget: nothing of it was written. */
export class DatabaseBusyError extends Error {
  constructor(readonly detail: string) {
    super(BUSY_MESSAGE);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * Prisma's "Unable to start a transaction in the given time" and "transaction expired" (both P2028), and the pg
 * pool's own "timeout exceeded when trying to connect": the database answered, but not in time for this write.
 * In each case the transaction was never started or was rolled back.
 */
export function isBusyError(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const text = `${error.message} ${error.cause instanceof Error ? error.cause.message : ''}`;
  return code === 'P2028' || /Unable to start a transaction in the given time|expired transaction|Transaction already closed|timeout exceeded when trying to connect/i.test(text);
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type { Tx as TransactionClient };

/**
 * Every interactive write transaction goes through here: the client's policy applies (set once in
 * createPrismaClient), and running out of it becomes a DatabaseBusyError that the action and route wrappers turn
 * into a refusal (a message; HTTP 503 with Retry-After), never a 500. `timeout` may be raised for a long import.
 */
export async function writeTransaction<T>(db: Db, run: (tx: Tx) => Promise<T>, options: { timeout?: number } = {}): Promise<T> {
  try {
    return await db.$transaction(run, options.timeout === undefined ? undefined : { timeout: options.timeout });
  } catch (error) {
    if (isBusyError(error) && !(error instanceof DatabaseBusyError)) throw new DatabaseBusyError(error instanceof Error ? error.message : String(error));
    throw error;
  }
}

/** For writes that answer with a result object: the busy case becomes a refusal with `busy: true`. */
export async function refusedWhenBusy<T>(write: Promise<T>): Promise<T | { ok: false; busy: true; message: string }> {
  try {
    return await write;
  } catch (error) {
    if (isBusyError(error)) return { ok: false, busy: true, message: BUSY_MESSAGE };
    throw error;
  }
}
