import postgres from 'postgres';

/**
 * On a Postgres server, one connection per database is kept for the test process (closed when the database is
 * dropped); the embedded database serves one session to all its connections, so there each call opens its own.
 */
const reuse = process.env.DATABASE_URL !== undefined;
/** One connection per database (closed when the database is dropped). */
const clients = new Map<string, postgres.Sql>();

function client(url: string): postgres.Sql {
  let sql = clients.get(url);
  if (!sql) {
    sql = postgres(url, { max: 1, prepare: false, onnotice: () => {}, idle_timeout: 5 });
    clients.set(url, sql);
  }
  return sql;
}

/** Closes the fingerprint connection to `url` (before its database is dropped). */
export async function closeFingerprint(url: string): Promise<void> {
  const sql = clients.get(url);
  clients.delete(url);
  await sql?.end({ timeout: 1 });
}

/** Row count and an order-independent digest of each table's contents: equal fingerprints, unchanged tables. */
export async function fingerprint(url: string, tables: string[]): Promise<Record<string, string>> {
  // All tables in one statement, one snapshot: a single round trip on a connection kept open.
  const query = tables
    .map((table, i) => `SELECT ${i} AS i, count(*)::text AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM "${table}" t`)
    .join(' UNION ALL ');
  const sql = reuse ? client(url) : postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  const rows = await sql.unsafe<{ i: number; n: string; digest: string | null }[]>(query).finally(() => (reuse ? undefined : sql.end()));
  const out: Record<string, string> = {};
  for (const row of rows) out[tables[row.i]!] = `${row.n}:${row.digest}`;
  return out;
}
