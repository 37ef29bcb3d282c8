import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { escapeFormulaCell, unescapeFormulaCell, writeCsv } from './csv';

describe('CSV formula cells', () => {
  it('escapes text a spreadsheet would run, and leaves numbers and plain text alone', () => {
    expect(escapeFormulaCell('=HYPERLINK("http://evil.example","x")')).toBe(`'=HYPERLINK("http://evil.example","x")`);
    for (const risky of ['+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(escapeFormulaCell(risky)).toBe(`'${risky}`);
    expect(escapeFormulaCell("'=x")).toBe("''=x");
    for (const safe of ['-1.5', '+2', '-0.25e3', 'Gazprom', '', "'quoted"]) expect(escapeFormulaCell(safe)).toBe(safe);
  });

  it('round-trips: what is written and parsed back with unescapeFormulaCell is what went in', () => {
    const rows = [
      { title: '=HYPERLINK("http://evil.example","x")', value: '-3.5', note: '@risk' },
      { title: "'=already quoted by a person", value: '4', note: 'plain, with a comma' },
    ];
    const csv = writeCsv(rows, ['title', 'value', 'note']);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
    const back = parse(csv, { columns: true, cast: (v: string) => unescapeFormulaCell(v) }) as typeof rows;
    expect(back).toEqual(rows);
  });
});
