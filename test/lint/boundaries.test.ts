import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering rule (eslint.config.js): product code in lib/ never imports upward. A planted violation must fail.
// The text is linted as if it were an existing file (typed linting needs a file the TypeScript project knows).
const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lib/ imports nothing from above it', () => {
  it.each([
    ["import { findChromium } from '../../test/support/chromium';"],
    ["import type { ChartSeries } from '../../components/charts/series-chart';"],
    ["import { seed } from '../../prisma/seed/seed';"],
    ["import { log } from '@/scripts/run';"],
    ["import { E2E_ADMIN } from '../../e2e/support';"],
  ])('refuses %s in lib/', async (line) => {
    const errors = await importErrors('lib/dashboard/format.ts', `${line}\nexport const planted = 1;\n`);
    expect(errors.join(' ')).toMatch(/lib\/ is product code/);
  }, 60_000);

  it('allows downward imports in lib/ and test helpers in lib tests', async () => {
    expect(await importErrors('lib/dashboard/format.ts', "import { dayOf } from '../schemas/dates';\nexport const planted = dayOf;\n")).toEqual([]);
    expect(await importErrors('lib/dashboard/shape.test.ts', "import { fingerprint } from '../../test/support/fingerprint';\nexport const planted = fingerprint;\n")).toEqual([]);
  }, 60_000);
});
