import { expect, it } from 'vitest';
import { stress, stressReport } from '../../scripts/stress';

// The short form of `npm run test:stress` (60 s × 50 clients): the same code, seconds not minutes.
it('load: mixed reads and ~5% editor writes, 0 errors, every write whole', async () => {
  const result = await stress({ seconds: Number(process.env.STRESS_SECONDS ?? 6), connections: Number(process.env.STRESS_CONNECTIONS ?? 10), writeShare: 0.05 });
  console.log(stressReport(result));
  expect(result.summary.requests).toBeGreaterThan(50);
  expect(result.summary.errors.map((e) => `${e.path} ${e.status || e.error}`)).toEqual([]);
  expect(result.consistency).toMatchObject({ mismatched: [], latestDiffers: [], lost: [] });
  expect(result.alive).toBe(true);
});
