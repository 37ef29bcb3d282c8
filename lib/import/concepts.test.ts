import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMappingFile, suggestConcept, type Concept } from './concepts';

const concepts: Concept[] = [
  { slug: 'gas_import_share', name: 'Share of gas imports', unit: '%', dimension: 'gas', scored: true },
  { slug: 'gas_imports_volume', name: 'Gas imports', unit: 'bcm', dimension: 'gas', scored: true },
  { slug: 'lng_share_of_gas_imports', name: 'LNG share of gas imports', unit: '%', dimension: 'gas', scored: false },
  { slug: 'foreign_arrivals', name: 'Visitor arrivals', unit: 'persons', dimension: 'tourism', scored: true },
  { slug: 'foreign_arrivals_share', name: 'Share of foreign visitors', unit: '%', dimension: 'tourism', scored: true },
  { slug: 'exports', name: 'Exports to partner', unit: 'USD billion', dimension: 'trade', scored: true },
  { slug: 'imports', name: 'Imports from partner', unit: 'USD billion', dimension: 'trade', scored: true },
];

describe('suggesting a concept by name, unit and dimension', () => {
  it('finds the concept another country calls by its own name', () => {
    expect(suggestConcept('russian_share_of_gas_imports', ['%'], 'gas', concepts)).toBe('gas_import_share');
    expect(suggestConcept('gas_imports_by_origin', ['mcm'], 'gas', concepts)).toBe('gas_imports_volume');
    expect(suggestConcept('tourist_arrivals', ['thousand persons'], 'tourism', concepts)).toBe('foreign_arrivals');
    expect(suggestConcept('Share of tourists', ['%'], 'tourism', concepts)).toBe('foreign_arrivals_share');
    expect(suggestConcept('exports_to_partner', ['EUR million'], 'trade', concepts)).toBe('exports');
    expect(suggestConcept('imports_from_partner', ['HUF billion'], 'trade', concepts)).toBe('imports');
  });
  it('suggests nothing when the unit, the dimension or the words do not fit', () => {
    expect(suggestConcept('guest_nights', ['thousand nights'], 'tourism', concepts)).toBeNull();
    expect(suggestConcept('gas_imports_by_origin', ['%'], 'gas', concepts)).toBe('gas_import_share');
    expect(suggestConcept('gas_storage_level', ['%'], 'gas', concepts)).toBeNull();
    expect(suggestConcept('exports_to_partner', ['USD billion'], 'arms', concepts)).toBeNull();
    expect(suggestConcept('imports_from_partner', ['bcm'], 'trade', concepts)).toBeNull();
  });
});

describe('mapping files', () => {
  const file = (content: string) => {
    const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'map-')), 'm.csv');
    fs.writeFileSync(f, content);
    return f;
  };
  it('reads indicator → concept, new or skip', () => {
    const read = readMappingFile(file('indicator,concept\nTourist arrivals,foreign_arrivals\nguest_nights,new\nx,skip\n'));
    expect(read.ok && Object.fromEntries([...read.choices].map(([k, v]) => [k, v.choice]))).toEqual({ tourist_arrivals: 'foreign_arrivals', guest_nights: 'new', x: 'skip' });
  });
  it('names the line of a bad header, a bad concept and a repeated indicator', () => {
    expect(readMappingFile(file('name,concept\na,b\n'))).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    expect(readMappingFile(file('indicator,concept\na,Not A Key\n'))).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringContaining('"Not A Key"') }] });
    expect(readMappingFile(file('indicator,concept\na,new\na,skip\n'))).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringContaining('mapped twice (first on line 2)') }] });
  });
});
