import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;

/** Password hashes never leave the query layer: omitted from every result unless a query asks for them. */
export function createPrismaClient(url: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
}
