import postgres from 'postgres';

/**
 * Every change of an observation's value went through a transaction that also wrote its audit row, so for each
 * observation: version − 1 = its update/revert audit rows (the seed writes version 1 with no audit row), and the
 * audit row of each version holds exactly the value stored at that version. Anything else is a half write.
 */
export async function observationConsistency(databaseUrl: string, committed: { id: number; version: number }[] = []) {
  const sql = postgres(databaseUrl, { max: 1, prepare: false, onnotice: () => {} });
  try {
    const mismatched = await sql<{ id: number; version: number; audits: number }[]>`
      SELECT o.id, o.version, count(a.id)::int AS audits
      FROM observation o
      LEFT JOIN audit_log a ON a.entity = 'observation' AND a.entity_id = o.id::text AND a.action IN ('update', 'revert')
      GROUP BY o.id, o.version
      HAVING o.version - 1 <> count(a.id)`;
    const latestDiffers = await sql<{ id: number }[]>`
      SELECT o.id FROM observation o
      JOIN LATERAL (
        SELECT after FROM audit_log a WHERE a.entity = 'observation' AND a.entity_id = o.id::text AND a.action IN ('update', 'revert') ORDER BY a.id DESC LIMIT 1
      ) last ON true
      WHERE (last.after->>'version')::int <> o.version OR (last.after->>'value')::numeric IS DISTINCT FROM o.value`;
    // Each write the client saw succeed is in the database: its version exists in the audit log.
    const audited = new Set(
      (await sql<{ key: string }[]>`SELECT entity_id || ':' || (after->>'version') AS key FROM audit_log WHERE entity = 'observation' AND action = 'update'`).map((r) => r.key),
    );
    const lost = committed.filter((c) => !audited.has(`${c.id}:${c.version}`));
    const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'observation' AND action = 'update'`;
    return { mismatched, latestDiffers: latestDiffers.map((r) => r.id), lost, auditUpdates: row?.n ?? 0 };
  } finally {
    await sql.end();
  }
}
