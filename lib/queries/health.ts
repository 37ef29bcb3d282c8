import 'server-only';
import { getDb } from '../db/prisma';

export type Health = { status: 'ok'; database: 'ok' } | { status: 'error'; database: 'unavailable'; reason: string };

export async function checkHealth(timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([getDb().$queryRaw`SELECT 1`, timeout]);
    return { status: 'ok', database: 'ok' };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n').filter(Boolean).pop() ?? error.message : String(error);
    return { status: 'error', database: 'unavailable', reason: reason.slice(0, 300) };
  } finally {
    clearTimeout(timer);
  }
}
