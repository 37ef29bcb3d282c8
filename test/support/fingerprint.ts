import postgres from 'postgres';

/** Row count and an order-independent digest of each table's contents: equal fingerprints, unchanged tables. */
export async function fingerprint(url: string, tables: string[]): Promise<Record<string, string>> {
  const sql = postgres(url, { max: 1, prepare: false, onnotice: () => {} });
  try {
    const out: Record<string, string> = {};
    for (const table of tables) {
      const [row] = await sql.unsafe<{ n: string; digest: string | null }[]>(
        `SELECT count(*)::text AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS digest FROM "${table}" t`,
      );
      out[table] = `${row?.n}:${row?.digest}`;
    }
    return out;
  } finally {
    await sql.end();
  }
}
