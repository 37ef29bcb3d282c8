import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { transactionPolicy, type TransactionPolicy } from './transaction';
import { env } from '../env';

export type Db = PrismaClient;

/**
 * Password hashes never leave the query layer: omitted from every result unless a query asks for them.
 * Every interactive transaction gets the one policy of lib/db/transaction.ts; the pool's own wait for a
 * connection is a little longer than the transaction's, so a queued write is refused by that policy (busy), not
 * by a pool error. `embedded` says the database runs one transaction at a time whatever the pool size.
 */
export function createPrismaClient(url: string, options: { max?: number; embedded?: boolean; policy?: TransactionPolicy } = {}): PrismaClient {
  const max = options.max ?? 10;
  const embedded = options.embedded ?? env().DATABASE_KIND === 'embedded';
  const policy = options.policy ?? transactionPolicy({ poolMax: max, embedded });
  const adapter = new PrismaPg({
    connectionString: url,
    max,
    connectionTimeoutMillis: policy.maxWait + 1000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions: policy });
}

