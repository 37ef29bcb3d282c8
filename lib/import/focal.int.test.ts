import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../../test/support/fingerprint';
import { withSeededDatabase } from '../../test/support/seeded';
import { matrixCell } from '../dashboard/shape';
import { parseView } from '../schemas/view';
import { resolveView, scoringData } from '../queries/dashboard';
import { getEvents } from '../queries/data';
import { readMappingFile } from './concepts';
import { importFile } from './file';

/** Issue #13: a second focal country through the CLI (`--map auto` and a mapping file), and bad input refused whole. */

const FIXTURE = path.join('test', 'fixtures', 'hungary');
const seeded = withSeededDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-focal-'));
const write = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};
const TABLES = ['actor', 'indicator', 'indicator_alias', 'source', 'observation', 'event', 'fx_rate', 'audit_log'];
const snapshot = async () => JSON.stringify(await fingerprint(seeded.url, TABLES));

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
      env: { ...process.env, DATABASE_URL: seeded.url },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const value = async (slug: string, partner: string, year: number) =>
  seeded.db.observation.findFirst({
    where: { indicator: { slug }, reporter: { code: 'HUN' }, partner: { code: partner }, year, rank: 0 },
    select: { value: true, originalValue: true, originalUnit: true, originalIndicator: true, note: true, fxRate: { select: { currency: true, year: true, perUsd: true, source: { select: { title: true } } } } },
  });

describe('a second focal country from its own research file', () => {
  it('without a mapping, the CLI refuses indicators that look like concepts and writes nothing', async () => {
    const before = await snapshot();
    const run = await cli(path.join(FIXTURE, 'observations.csv'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('indicator "tourist_arrivals" is not in the atlas; it looks like the concept "foreign_arrivals"');
    expect(run.out).toMatch(/line 2: indicator "russian_share_of_gas_imports"/);
    expect(await snapshot()).toEqual(before);
  });

  it('imports with --map auto: prints the mapping, converts scales and currencies, keeps what was published', async () => {
    const run = await cli('--map', 'auto', path.join(FIXTURE, 'observations.csv'));
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('mapping: russian_share_of_gas_imports (%, 2 rows) → concept gas_import_share');
    expect(run.out).toContain('mapping: gas_imports_by_origin (mcm, bcm, 2 rows) → concept gas_imports_volume');
    expect(run.out).toContain('mapping: tourist_arrivals (thousand persons, million persons, 3 rows) → concept foreign_arrivals');
    expect(run.out).toContain('mapping: guest_nights (thousand nights, million nights, 2 rows) → new unscored indicator');
    expect(run.out).toContain('mapping: exports_to_partner (EUR million, USD million, USD billion, 3 rows) → concept exports');
    expect(run.out).toContain('mapping: imports_from_partner (HUF billion, USD billion, 2 rows) → concept imports');

    expect(Number((await value('gas_import_share', 'RUS', 2021))?.value)).toBe(80);
    expect((await value('gas_imports_volume', 'RUS', 2021))?.value?.toString()).toBe('4.5');
    expect((await value('foreign_arrivals', 'WORLD', 2021))?.value?.toString()).toBe('7200000');
    const nights = await seeded.db.indicator.findUniqueOrThrow({ where: { slug: 'guest_nights' }, select: { unit: true, weight: true } });
    expect(nights).toEqual({ unit: 'thousand nights', weight: 0 });
    expect((await value('guest_nights', 'WORLD', 2021))?.value?.toString()).toBe('28100');

    // EUR → USD with the 2021 rate of research/fx.csv, seeded as sourced data.
    const eur = await seeded.db.fxRate.findUniqueOrThrow({ where: { currency_year: { currency: 'EUR', year: 2021 } }, select: { perUsd: true } });
    const exports = (await value('exports', 'RUS', 2021))!;
    expect(Number(exports.value)).toBeCloseTo(1500 / 1000 / Number(eur.perUsd), 9);
    expect(exports).toMatchObject({ originalUnit: 'EUR million', originalIndicator: 'exports_to_partner', fxRate: { currency: 'EUR', year: 2021 } });
    expect(exports.originalValue?.toString()).toBe('1500');
    expect(exports.fxRate?.source.title).toContain('World Development Indicators');
    expect(exports.note).toContain(`converted at ${eur.perUsd.toString()} EUR per USD (2021 average)`);
    const huf = await seeded.db.fxRate.findUniqueOrThrow({ where: { currency_year: { currency: 'HUF', year: 2021 } }, select: { perUsd: true } });
    expect(Number((await value('imports', 'RUS', 2021))?.value)).toBeCloseTo(1200 / Number(huf.perUsd), 9);

    // The names are remembered: the same file again maps by alias, changes nothing.
    const again = await importFile(seeded.db, path.join(FIXTURE, 'observations.csv'), { mapping: 'ask' });
    expect(again.ok, JSON.stringify(again.errors)).toBe(true);
    expect(again.written).toMatchObject({ observationsCreated: 0, observationsUpdated: 0, observationsUnchanged: 14 });
    expect(again.mapping?.find((p) => p.indicator === 'tourist_arrivals')).toMatchObject({ choice: 'foreign_arrivals', by: 'alias' });
  });

  it('a mapping file gives the same result (every row unchanged)', async () => {
    const run = await cli('--map', path.join(FIXTURE, 'mapping.csv'), path.join(FIXTURE, 'observations.csv'));
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('"observationsCreated":0,"observationsUpdated":0,"observationsUnchanged":14');
  });

  it('imports its events through the same command, recognised by the header', async () => {
    const run = await cli(path.join(FIXTURE, 'events.csv'));
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('imported 2 events: {"eventsCreated":2');
    const events = await getEvents({ reporter: 'HUN' });
    expect(events.map((e) => e.title).sort()).toEqual(['Fixture: arrivals from Ukraine counted apart', 'Fixture: long-term gas supply contract with Russia']);
    expect(events.find((e) => e.partner === 'UKR')).toMatchObject({ date: '2022-03-01', endDate: '2022-06-01', precision: 'month' });
    const turkey = await getEvents({ reporter: 'TUR' });
    expect(turkey.length).toBe(93);
    expect(turkey.some((e) => e.title.startsWith('Fixture:'))).toBe(false);
  });

  it("scores Hungary's overview where it has data, with NATO counted without Hungary", async () => {
    const { state } = parseView({ focal: 'HUN' });
    const view = await resolveView(state);
    const data = await scoringData(view, state);
    const cells = Object.fromEntries(
      view.partners.map((p) => [p.code, Object.fromEntries(data.catalogue.dimensions.map((d) => [d.key, matrixCell(data.observations, data.catalogue, d.key, p.code, 'HUN', { index: data.index })]))]),
    );
    expect(cells.RUS!.gas!.state).toBe('score');
    expect(cells.RUS!.tourism!.state).toBe('score');
    expect(cells.RUS!.tourism!.latest?.score).toBeCloseTo((100 * 120_000) / 7_200_000, 6);
    expect(cells.RUS!.trade!.state).toBe('score');
    expect(cells.UKR!.tourism!.state).toBe('score');
    expect(cells.UKR!.trade!.state).toBe('score');
    // Turkey's curated "not applicable" and sourced zeros are Turkey's only.
    expect(cells.UKR!.oil!.state).toBe('none');
    expect(cells.UKR!.gas!.state).toBe('none');
    const scored = Object.values(cells).flatMap((row) => Object.values(row)).filter((c) => c.state === 'score').length;
    expect(scored).toBeGreaterThanOrEqual(5);
    const nato = data.catalogue.memberships.filter((m) => m.group === 'NATO').map((m) => m.member);
    expect(nato).toContain('HUN');
    const { groupMembers } = await import('../queries/dashboard');
    expect(groupMembers(data.catalogue, 'NATO', 'HUN')).not.toContain('HUN');
    expect(groupMembers(data.catalogue, 'NATO', 'HUN')).toContain('TUR');
  });
});

describe('bad input is refused with its line, and nothing changes', () => {
  const header = 'dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt';
  const row = (unit: string, year = 2021, indicator = 'exports') => `trade,${indicator},${unit},HUN,RUS,${year},12,Test,https://example.org/t,"12"`;
  const eventsHeader = 'date,end_date,date_precision,title,reporter,partner,dimension,description,source_title,publisher,source_url';

  const cases: [string, () => Promise<{ ok: boolean; errors: { line: number; message: string }[] }>, number, RegExp][] = [
    [
      'a mapping file that names a concept that does not exist',
      async () => {
        const mapping = readMappingFile(write('bad-mapping.csv', 'indicator,concept\nexports_to_partner,exports\ntourist_arrivals,visitor_arrivals_total\n'));
        if (!mapping.ok) throw new Error('the mapping file itself is well formed');
        return importFile(seeded.db, path.join(FIXTURE, 'observations.csv'), { mapping: mapping.choices });
      },
      3,
      /mapping file line 3: concept "visitor_arrivals_total" for "tourist_arrivals" does not exist/,
    ],
    ['an unknown currency', () => importFile(seeded.db, write('xyz.csv', `${header}\n${row('USD billion')}\n${row('XYZ million', 2022)}\n`)), 3, /unknown currency "XYZ"/],
    ['a year with no exchange rate', () => importFile(seeded.db, write('rate.csv', `${header}\n${row('USD billion')}\n${row('EUR million', 2009)}\n`)), 3, /no exchange rate for EUR in 2009 \(rates for EUR: 2014–2024\)/],
    ['a unit-family mismatch', () => importFile(seeded.db, write('family.csv', `${header}\n${row('bcm')}\n`)), 2, /"bcm" cannot be converted to "USD billion"/],
    [
      'an event range that ends before it starts',
      () => importFile(seeded.db, write('range.csv', `${eventsHeader}\n2022-05-01,,day,Good event,HUN,RUS,gas,,Src,Pub,https://example.org/e\n2022-05-01,2022-04-01,day,Backwards,HUN,RUS,gas,,Src,Pub,https://example.org/e\n`)),
      3,
      /ends before it starts/,
    ],
    [
      'an event for an unknown country',
      () => importFile(seeded.db, write('country.csv', `${eventsHeader}\n2022-05-01,,day,Nowhere event,XYZ,RUS,gas,,Src,Pub,https://example.org/e\n`)),
      2,
      /reporter "XYZ" is not a known country/,
    ],
  ];
  for (const [name, run, line, message] of cases) {
    it(`refuses ${name}`, async () => {
      const before = await snapshot();
      const report = await run();
      expect(report.ok).toBe(false);
      expect(report.errors).toContainEqual({ line, message: expect.stringMatching(message) });
      expect(await snapshot()).toEqual(before);
    });
  }

  it('the CLI refuses a mapping file that names a missing concept, with its line, and writes nothing', async () => {
    const before = await snapshot();
    const run = await cli('--map', write('cli-mapping.csv', 'indicator,concept\nguest_nights,no_such_concept\n'), path.join(FIXTURE, 'observations.csv'));
    expect(run.code).toBe(1);
    expect(run.out).toContain('line 2: mapping file line 2: concept "no_such_concept" for "guest_nights" does not exist');
    expect(await snapshot()).toEqual(before);
  });
});
