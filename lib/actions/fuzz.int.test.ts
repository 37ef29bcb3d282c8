import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../auth/users';
import { createPrismaClient, type Db } from '../db/client';
import { migrate } from '../db/migrate';
import { createTestDatabase, type TestDatabase } from '../../test/support/database';
import { fingerprint } from '../../test/support/fingerprint';
import { formData } from '../../test/support/form';
import { seed } from '../../prisma/seed/seed';

// Every mutation, fed generated malformed input as an admin (the role that reaches the most code). Properties:
// the call never throws (a throw is a 500 for the visitor), and either it is refused with every table unchanged,
// or it succeeded and wrote exactly its audit row(s) with it: never a partial write.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('../auth/session', () => ({ currentUser: async () => session.user }));
vi.mock('next/cache', () => ({ refresh: () => {} }));

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TABLES = ['actor', 'indicator', 'source', 'observation', 'event', 'membership', 'user', 'session', 'audit_log'];
const serverUrl = process.env.DATABASE_URL;
let database: TestDatabase;
let db: Db;
const tally = { inputs: 0, refused: 0, written: 0 };

beforeAll(async () => {
  database = await createTestDatabase();
  await migrate(database.url);
  process.env.DATABASE_URL = database.url;
  db = createPrismaClient(database.url, { max: 2, embedded: database.kind === 'embedded' });
  await seed(db);
  session.user = await db.user.create({ data: { email: 'fuzz-admin@example.org', role: 'ADMIN', passwordHash: 'x' }, select: { id: true, email: true, name: true, role: true } });
});

afterAll(async () => {
  await db.$disconnect();
  await database.drop();
  if (serverUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = serverUrl;
  console.log(`fuzz: ${tally.inputs} inputs, ${tally.refused} refused with the database unchanged, ${tally.written} written whole`);
});

/** Hostile and malformed text: empty, huge, NUL bytes, SQL, markup, odd numbers, bad dates, bad URLs, any Unicode. */
const evil = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', ' ', '-1', '0', '1', '2', '1e309', 'NaN', 'Infinity', '-0', '0x1F', '9'.repeat(40), '1.1234567', "'; DROP TABLE observation; --", '<script>alert(1)</script>',
    '\u0000', 'a\u0000b', '2024-02-30', '2024-13-01', '0000-00-00', 'https://', 'javascript:alert(1)', 'ftp://x.org', 'ADMIN', 'viewer', 'on', 'off', 'more', 'gas', 'RUS', 'TUR', 'REPORTED', 'day', '{}', '[]', 'null', 'true', '%00', '../../etc/passwd') },
  fc.string({ maxLength: 8 }).map((t) => `${t}\u0000${t}`),
  fc.integer({ min: -3, max: 400 }).map(String),
  fc.double().map(String),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 3000, maxLength: 6000 }),
);

type Action = (previous: { ok: boolean; message: string }, form: FormData) => Promise<{ ok: boolean; message: string }>;

type Base = () => Promise<Record<string, string>>;

/**
 * Half the inputs are random fields; the other half start from a valid input of the moment (`base`) with one to
 * three fields replaced by hostile values, so the fuzzing reaches past the first check into the writes.
 */
async function property(name: string, action: Action, fields: string[], base?: Base) {
  const random = fc.dictionary(fc.constantFrom(...fields), evil, { maxKeys: fields.length });
  const mutations = fc.dictionary(fc.constantFrom(...fields), evil, { minKeys: 1, maxKeys: 3 });
  const extra = fc.dictionary(fc.string({ maxLength: 12 }), evil, { maxKeys: 2 });
  await fc.assert(
    fc.asyncProperty(fc.boolean(), random, mutations, extra, async (mutate, fieldsIn, mutationsIn, extraIn) => {
      const input = mutate && base ? { ...extraIn, ...(await base()), ...mutationsIn } : { ...extraIn, ...fieldsIn };
      const before = await fingerprint(database.url, TABLES);
      const audits = await db.auditLog.count();
      let result: { ok: boolean; message: string };
      try {
        result = await action({ ok: false, message: '' }, formData(input));
      } catch (error) {
        throw new Error(`${name} threw (a 500): ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`);
      }
      tally.inputs++;
      expect(typeof result.message).toBe('string');
      if (result.ok) {
        tally.written++;
        expect(await db.auditLog.count(), `${name}: a write has its audit row`).toBeGreaterThan(audits);
      } else {
        tally.refused++;
        expect(await fingerprint(database.url, TABLES), `${name} refused but changed the database`).toEqual(before);
      }
    }),
    { numRuns: RUNS },
  );
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');
const anyObservation = () => db.observation.findFirstOrThrow({ where: { value: { not: null } }, orderBy: { id: 'asc' } });
const bases: Record<string, Base> = {
  updateObservation: async () => {
    const o = await anyObservation();
    return { id: str(o.id), version: str(o.version), value: str(o.value), status: o.status, note: o.note, sourceId: str(o.sourceId), reason: 'fuzz' };
  },
  deleteObservation: async () => {
    const o = await anyObservation();
    return { id: str(o.id), version: str(o.version), reason: 'fuzz delete' };
  },
  revert: async () => ({ auditId: str((await db.auditLog.findFirst({ where: { entity: 'observation' }, orderBy: { id: 'desc' } }))?.id ?? 1), reason: 'fuzz' }),
  addObservation: async () => ({ indicator: 'imports', reporter: 'TUR', partner: 'ITA', year: '2020', value: '1', status: 'REPORTED', sourceId: str((await anyObservation()).sourceId) }),
  makePrimary: async () => {
    const alt = await db.observation.findFirst({ where: { rank: { gt: 0 } } });
    return { id: str(alt?.id ?? 1), version: str(alt?.version ?? 1) };
  },
  indicator: async () => ({ slug: 'exports', dimension: 'trade', name: 'Exports', unit: 'USD bn', kind: 'NUMBER', definition: 'Goods exported', methodology: '', direction: 'more', weight: '1', published: 'on' }),
  newSource: async () => ({ title: 'Fuzz source', url: `https://example.org/${Math.random().toString(36).slice(2)}`, excerpt: '' }),
  source: async () => {
    const x = await db.source.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return { id: str(x.id), version: str(x.version), title: x.title, publisher: x.publisher, url: str(x.url), publishedOn: day(x.publishedOn), accessedOn: day(x.accessedOn), excerpt: x.excerpt, reason: 'fuzz' };
  },
  newEvent: async () => ({ startsOn: '2024-01-01', precision: 'day', title: `Fuzz event ${Math.random().toString(36).slice(2)}`, partner: 'RUS', dimension: 'gas', sourceId: str((await anyObservation()).sourceId) }),
  event: async () => {
    const e = await db.event.findFirstOrThrow({ orderBy: { id: 'asc' } });
    return { id: str(e.id), version: str(e.version), startsOn: day(e.startsOn), endsOn: day(e.endsOn), precision: e.precision, title: e.title, description: e.description, sourceId: str(e.sourceId), reason: 'fuzz' };
  },
  newUser: async () => ({ email: `fuzz-${Math.random().toString(36).slice(2)}@example.org`, role: 'EDITOR', name: '' }),
  user: async () => {
    const other = await db.user.findFirst({ where: { NOT: { id: session.user!.id } } });
    return { id: str(other?.id ?? 1), role: 'VIEWER', disabled: 'off', password: '' };
  },
};

describe('fuzz: server actions never throw and never write half', () => {
  it('observation actions', async () => {
    const update = await import('./update-observation');
    const remove = await import('./delete-observation');
    const revert = await import('./revert-observation');
    const create = await import('./create-observation');
    const primary = await import('./make-primary');
    await property('update observation', update.updateObservationAction, ['id', 'version', 'value', 'status', 'note', 'sourceId', 'reason'], bases.updateObservation);
    await property('delete observation', remove.deleteObservationAction, ['id', 'version', 'reason'], bases.deleteObservation);
    await property('revert observation', revert.revertObservationAction, ['auditId', 'reason'], bases.revert);
    await property('add observation', create.createObservationAction, ['indicator', 'reporter', 'partner', 'year', 'periodLabel', 'value', 'status', 'note', 'sourceId'], bases.addObservation);
    await property('make primary', primary.makePrimaryAction, ['id', 'version'], bases.makePrimary);
  });

  it('indicator, source and event actions', async () => {
    const indicators = await import('./update-indicator');
    const sources = await import('./manage-sources');
    const events = await import('./manage-events');
    const indicatorFields = ['slug', 'dimension', 'name', 'unit', 'kind', 'definition', 'methodology', 'direction', 'weight', 'published'];
    await property('update indicator', indicators.updateIndicatorAction, indicatorFields, bases.indicator);
    await property('add indicator', indicators.createIndicatorAction, indicatorFields, bases.indicator);
    const sourceFields = ['id', 'version', 'title', 'publisher', 'url', 'publishedOn', 'accessedOn', 'excerpt', 'reason'];
    await property('add source', sources.createSourceAction, sourceFields, bases.newSource);
    await property('edit source', sources.updateSourceAction, sourceFields, bases.source);
    await property('delete source', sources.deleteSourceAction, sourceFields, bases.source);
    const eventFields = ['id', 'version', 'startsOn', 'endsOn', 'precision', 'title', 'description', 'partner', 'dimension', 'sourceId', 'reason'];
    await property('add event', events.createEventAction, eventFields, bases.newEvent);
    await property('edit event', events.updateEventAction, eventFields, bases.event);
    await property('delete event', events.deleteEventAction, eventFields, bases.event);
  });

  it('user actions', async () => {
    const users = await import('./manage-users');
    const fields = ['id', 'email', 'role', 'name', 'disabled', 'password'];
    await property('add user', users.createUserAction, fields, bases.newUser);
    await property('edit user', users.updateUserAction, fields, bases.user);
  });
});

it('regression: a NUL character in a text field is refused at the boundary, not thrown by the database', async () => {
  const { updateObservationAction } = await import('./update-observation');
  const before = await fingerprint(database.url, TABLES);
  const result = await updateObservationAction({ ok: false, message: '' }, formData({ ...(await bases.updateObservation!()), note: 'a\u0000b' }));
  expect(result).toMatchObject({ ok: false, fieldErrors: { note: ['Contains a NUL character, which cannot be stored'] } });
  expect(await fingerprint(database.url, TABLES)).toEqual(before);
});

describe('fuzz: route handlers never answer 5xx and never write half', () => {
  it('PATCH /api/observations/:id with generated ids and JSON bodies', async () => {
    const { PATCH } = await import('../../app/api/observations/[id]/route');
    const ids = (await db.observation.findMany({ select: { id: true }, take: 5 })).map((o) => String(o.id));
    const o = await anyObservation();
    const valid = { version: o.version, value: str(o.value), status: o.status, note: '', sourceId: o.sourceId };
    const json = fc.oneof(
      fc.json(),
      fc.dictionary(fc.constantFrom('version', 'value', 'status', 'note', 'sourceId', 'reason'), evil, { minKeys: 1, maxKeys: 2 }).map((m) => JSON.stringify({ ...valid, ...m })),
      fc.dictionary(fc.constantFrom('version', 'value', 'status', 'note', 'sourceId', 'reason', 'id'), fc.oneof(evil, fc.integer(), fc.double(), fc.boolean(), fc.constant(null))).map((o) => JSON.stringify(o)),
      evil,
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...ids, String(o.id)), evil), json, async (id, body) => {
        const before = await fingerprint(database.url, TABLES);
        const audits = await db.auditLog.count();
        const response = await PATCH(new Request('http://localhost/api/observations/x', { method: 'PATCH', body }), { params: Promise.resolve({ id }) });
        tally.inputs++;
        expect(response.status, `PATCH ${JSON.stringify(id).slice(0, 40)} ${body.slice(0, 80)}`).toBeLessThan(500);
        if (response.status === 200) {
          tally.written++;
          expect(await db.auditLog.count()).toBe(audits + 1);
        } else {
          tally.refused++;
          expect(await fingerprint(database.url, TABLES)).toEqual(before);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('POST /api/import with generated CSV files (check, then commit what passes)', async () => {
    const { POST } = await import('../../app/api/import/route');
    const header = fc.oneof(
      fc.constant('dimension,indicator,unit,reporter,partner,year,value,source_title,source_url,excerpt'),
      fc.array(evil, { maxLength: 11 }).map((cells) => cells.join(',')),
    );
    const cell = fc.oneof(evil, fc.constantFrom('trade', 'gas', 'exports', 'USD bn', 'TUR', 'ITA', 'XKX', 'ZZZ', '2021', '1.5', '"quoted, comma"', '"unclosed'));
    const row = fc.array(cell, { minLength: 0, maxLength: 12 }).map((cells) => cells.join(','));
    const file = fc.tuple(header, fc.array(row, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')).map(([h, rows, eol]) => [h, ...rows].join(eol));
    const send = async (step: string, body: BodyInit) => {
      const response = await POST(new Request(`http://localhost/api/import?step=${step}&name=fuzz.csv`, { method: 'POST', body }), {});
      expect(response.status, `import ${step}`).toBeLessThan(500);
      if (response.status !== 200) return null;
      const lines = (await response.text()).trim().split('\n').map((l) => JSON.parse(l) as { type: string; ok?: boolean; upload?: string });
      expect(lines.at(-1)?.type, `import ${step} ended with ${JSON.stringify(lines.at(-1))}`).toBe('done');
      return lines.at(-1)!;
    };
    await fc.assert(
      fc.asyncProperty(file, async (csv) => {
        const before = await fingerprint(database.url, TABLES);
        const audits = await db.auditLog.count();
        tally.inputs++;
        const checked = await send('check', csv);
        if (!checked?.ok) {
          tally.refused++;
          expect(await fingerprint(database.url, TABLES)).toEqual(before);
          return;
        }
        const committed = await send('commit', JSON.stringify({ upload: checked.upload, fileName: 'fuzz.csv' }));
        if (committed?.ok) {
          tally.written++;
          expect(await db.auditLog.count()).toBe(audits + 1);
        } else {
          tally.refused++;
          expect(await fingerprint(database.url, TABLES)).toEqual(before);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
