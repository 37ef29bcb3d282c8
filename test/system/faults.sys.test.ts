import { expect, it } from 'vitest';
import { faultVerdicts } from '../../scripts/faults';
import { embeddedKillDuringWrites, postgresStopDuringLoad } from '../../scripts/ops/faults';
import { PgCluster } from '../../scripts/ops/pg-cluster';

// The short form of `npm run test:faults`: Postgres stopped (like a crash) under load for 3 s, and the embedded
// database killed with SIGKILL in the middle of writes.
it.skipIf(PgCluster.binaries() === null)('faults: Postgres stops under load and returns; the embedded server is killed mid-write', async () => {
  const pg = await postgresStopDuringLoad({ connections: 10, beforeSeconds: 3, outageSeconds: 3, afterSeconds: 3 });
  const kill = await embeddedKillDuringWrites({ connections: 5, secondsBeforeKill: 2 });
  const verdicts = faultVerdicts(pg, kill);
  console.log(verdicts.map((v) => `${v.ok ? 'PASS' : 'FAIL'}: ${v.what}`).join('\n'));
  expect(verdicts.filter((v) => !v.ok).map((v) => v.what)).toEqual([]);
});
