import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, excerptStates } from './data-check';

const HEADER = 'dimension,indicator,unit,reporter,partner,year,value,status,period_note,source_title,publisher,source_url,excerpt,tier';

function file(lines: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'data-check-'));
  const p = path.join(dir, 'rows.csv');
  fs.writeFileSync(p, `${HEADER}\n${lines.join('\n')}\n`);
  return p;
}

describe('data:check', () => {
  it('finds numbers in digits, mixed notation and words, and refuses one that is not there', () => {
    expect(excerptStates('Exporte von 54 Milliarden 661 Millionen Euro', 54.661)).toBe(true);
    expect(excerptStates('45 milyon 58 bin 286 yabancı ziyaretçi', 45058286)).toBe(true);
    expect(excerptStates('7 млн 17 тыс. 657 туристов', 7017657)).toBe(true);
    expect(excerptStates('25 million and 64,776 tons', 25.064776)).toBe(true);
    expect(excerptStates('ranked twelfth among exporters', 12)).toBe(true);
    expect(excerptStates('بمليونين و212 ألف سائح', 2212000)).toBe(true);
    expect(excerptStates('۱۶٫۲ میلیارد مترمکعب', 16.2)).toBe(true);
    expect(excerptStates('"70",2,71,78,2.538937,2.115535', 2.538937)).toBe(true);
    expect(excerptStates('a 46.95 percent share', 46.95)).toBe(true);
    // rounding is not the same number
    expect(excerptStates('a 46.95 percent share', 47)).toBe(false);
    expect(excerptStates('7 billion 521.15 million cubic meters', 7.52115)).toBe(true);
    expect(excerptStates('7 billion 521.15 million cubic meters', 7.5)).toBe(false);
  });

  it('names the line of each problem: value not in excerpt, year, partial year as annual, two units, bad URL', async () => {
    const report = await checkFile(
      file([
        'gas,gas_import_share,%,TUR,RUS,2018,46.95,reported,,T,P,https://example.org/a,"Russia had a 46.95 percent share",major_media',
        'gas,gas_import_share,%,TUR,RUS,2019,47.5,reported,,T,P,https://example.org/b,"Russia had a 46.95 percent share",major_media',
        'gas,gas_import_share,%,TUR,RUS,1850,46.95,reported,,T,P,https://example.org/c,"46.95",major_media',
        'gas,gas_import_share,%,TUR,UKR,2019,3,reported,January–June 2019,T,P,https://example.org/d,"3 percent",other',
        'gas,gas_imports_volume,bcm,TUR,RUS,2019,3,reported,,T,P,https://example.org/e,"3 bcm",other',
        'gas,gas_imports_volume,%,TUR,UKR,2019,3,reported,,T,P,https://example.org/f,"3 percent",other',
        'gas,gas_imports_volume,bcm,TUR,AZE,2019,4,reported,,T,P,not a url,"4 bcm",other',
        'trade,exports,USD billion,TUR,DEU,2019,2.1,reported,,T,P,https://example.org/g,"2.1 billion",other',
        'trade,exports,USD million,TUR,FRA,2019,2100,reported,,T,P,https://example.org/h,"2,100 million",other',
      ]),
      { thisYear: 2026 },
    );
    const byLine = (line: number) => report.problems.filter((p) => p.line === line).map((p) => p.message).join(' | ');
    expect(byLine(2)).toBe('');
    expect(byLine(3)).toContain('47.5 is not in its excerpt');
    expect(byLine(4)).toContain('year 1850 is implausible');
    expect(byLine(5)).toContain('partial-year figure is filed as annual');
    expect(byLine(7)).toContain('more than one unit');
    expect(byLine(8)).toContain('does not parse');
    // a scale of the same unit is a note for the import, not a problem
    expect(byLine(10)).toBe('');
    expect(report.notes.some((n) => n.line === 10 && n.message.includes('two scales'))).toBe(true);
    expect(report.problems).toHaveLength(5);
  });

  it('passes the seeded research files (CI runs it on them)', async () => {
    const dir = path.join(import.meta.dirname, '../../prisma/seed/research');
    for (const name of ['observations.csv', 'events.csv', 'fx.csv', 'nato_members.csv']) {
      const report = await checkFile(path.join(dir, name));
      expect(report.problems, name).toEqual([]);
      expect(report.rows).toBeGreaterThan(30);
    }
  });
});
