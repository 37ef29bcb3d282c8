import type { TransactionClient } from '../db/transaction';
import { countryName } from './countries';
import { indicatorSeed } from '../curation/catalogue';
import type { Checked } from './observations';

/** Rows per INSERT … ON CONFLICT statement: 1,000 keeps a statement's parameters small and the round trips few. */
const BATCH_ROWS = 1000;

type SourceRef = { url: string | null; title: string; excerpt: string; publisher?: string; tier?: string };
type Pending = {
  indicatorId: number; reporterId: number; partnerId: number; year: number; periodType: string; periodLabel: string; periodNote: string; rank: number;
  value: string; status: string; note: string; source: SourceRef;
  originalValue: string | null; originalUnit: string; originalIndicator: string; fxRateId: number | null;
};
export type Written = { observationsCreated: number; observationsUpdated: number; observationsUnchanged: number; indicatorsCreated: number; actorsCreated: number; sourcesCreated: number };

/** A source is the same passage of the same page: url + excerpt, or title + excerpt where there is no url. */
const sourceKey = (r: SourceRef) => JSON.stringify(r.url === null ? [null, r.title, r.excerpt] : [r.url, r.excerpt]);

/**
 * The write step of an import, inside its one transaction. Rows go in as batched upserts: a row whose key exists
 * updates that value and bumps its version, the others are new (the check pass refused duplicate keys in the
 * file). Actors, indicators and sources are found or created once each, sources once per batch for all its rows.
 */
export class ImportWriter {
  readonly written: Written = { observationsCreated: 0, observationsUpdated: 0, observationsUnchanged: 0, indicatorsCreated: 0, actorsCreated: 0, sourcesCreated: 0 };
  private batch: Pending[] = [];
  private readonly sourceIds = new Map<string, number>();
  /** the file's indicator names mapped onto concepts, remembered for the next file */
  private readonly aliases = new Map<string, string>();

  private constructor(
    private readonly tx: TransactionClient,
    private readonly userId: number | null,
    private readonly onWritten: (rows: number) => void,
    private readonly actorIds: Map<string, number>,
    private readonly dimensionIds: Map<string, number>,
    private readonly indicatorIds: Map<string, number>,
    /** Only add what is missing: rows and sources already stored stay as they are (the seed, which never overwrites edits). */
    private readonly keepExisting = false,
  ) {}

  static async open(tx: TransactionClient, userId: number | null, onWritten: (rows: number) => void, keepExisting = false): Promise<ImportWriter> {
    const actors = await tx.actor.findMany({ select: { id: true, code: true } });
    const dimensions = await tx.dimension.findMany({ select: { id: true, key: true } });
    const indicators = await tx.indicator.findMany({ select: { id: true, slug: true } });
    return new ImportWriter(
      tx, userId, onWritten,
      new Map(actors.map((a) => [a.code, a.id])),
      new Map(dimensions.map((d) => [d.key, d.id])),
      new Map(indicators.map((i) => [i.slug, i.id])),
      keepExisting,
    );
  }

  /** Queues one checked row, writing the batch when it is full. */
  async add(item: Checked): Promise<void> {
    const { row } = item;
    this.batch.push({
      indicatorId: await this.indicatorId(item),
      reporterId: await this.actorId(row.reporter),
      partnerId: await this.actorId(row.partner),
      year: row.year,
      periodType: item.periodType,
      periodLabel: item.periodLabel,
      periodNote: item.periodNote,
      rank: item.rank,
      value: item.value,
      status: item.status,
      note: item.note,
      originalValue: item.originalValue,
      originalUnit: item.originalUnit,
      originalIndicator: item.originalIndicator,
      fxRateId: item.fxRateId,
      source: {
        url: row.source_url || null, title: row.source_title, excerpt: row.excerpt,
        ...(row.publisher !== undefined ? { publisher: row.publisher } : {}),
        ...(row.tier !== undefined ? { tier: row.tier.toUpperCase() } : {}),
      },
    });
    if (item.alias) this.aliases.set(item.alias, item.slug);
    if (this.batch.length >= BATCH_ROWS) await this.flush();
  }

  /** Remembers each mapping of a file's indicator name onto a concept (a name mapped before keeps its concept). */
  async saveAliases(): Promise<void> {
    if (this.aliases.size === 0) return;
    const names = [...this.aliases.keys()];
    await this.tx.$executeRaw`
      INSERT INTO indicator_alias (name, indicator_id)
      SELECT t.n, i.id FROM unnest(${names}::text[], ${names.map((n) => this.aliases.get(n)!)}::text[]) AS t(n, slug) JOIN indicator i ON i.slug = t.slug
      ON CONFLICT (name) DO NOTHING`;
  }

  /** Writes the queued rows in one statement. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    await this.resolveSources();
    const batch = this.batch;
    const column = <K extends keyof Pending>(k: K) => batch.map((b) => b[k]);
    const sourceColumn = batch.map((b) => this.sourceIds.get(sourceKey(b.source))!);
    // keepExisting: a conflicting row is never updated (the WHERE below is never true for it)
    const keep = this.keepExisting;
    const result = await this.tx.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO observation (indicator_id, reporter_id, partner_id, year, period_type, period_label, period_note, rank, value, status, note, source_id,
                               original_value, original_unit, original_indicator, fx_rate_id, updated_by_id, updated_at)
      SELECT i, r, p, y, pt::"PeriodType", pl, pn, rk, v::numeric, st::"ObservationStatus", n, s, ov::numeric, ou, oi, fx, ${this.userId}::int, now()
      FROM unnest(${column('indicatorId')}::int[], ${column('reporterId')}::int[], ${column('partnerId')}::int[], ${column('year')}::int[],
                  ${column('periodType')}::text[], ${column('periodLabel')}::text[], ${column('periodNote')}::text[], ${column('rank')}::int[],
                  ${column('value')}::text[], ${column('status')}::text[], ${column('note')}::text[], ${sourceColumn}::int[],
                  ${column('originalValue')}::text[], ${column('originalUnit')}::text[], ${column('originalIndicator')}::text[], ${column('fxRateId')}::int[])
             AS t(i, r, p, y, pt, pl, pn, rk, v, st, n, s, ov, ou, oi, fx)
      ON CONFLICT (indicator_id, reporter_id, partner_id, year, period_label, rank) DO UPDATE
        SET value = EXCLUDED.value, source_id = EXCLUDED.source_id, status = EXCLUDED.status, period_type = EXCLUDED.period_type,
            period_note = EXCLUDED.period_note, note = EXCLUDED.note, original_value = EXCLUDED.original_value, original_unit = EXCLUDED.original_unit,
            original_indicator = EXCLUDED.original_indicator, fx_rate_id = EXCLUDED.fx_rate_id,
            version = observation.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
        -- a row the file gives again unchanged is left as it is (its version and who changed it last stay)
        WHERE NOT ${keep}::boolean
          AND (observation.value, observation.source_id, observation.status, observation.period_type, observation.period_note, observation.note,
               observation.original_value, observation.original_unit, observation.original_indicator, observation.fx_rate_id)
          IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.source_id, EXCLUDED.status, EXCLUDED.period_type, EXCLUDED.period_note, EXCLUDED.note,
               EXCLUDED.original_value, EXCLUDED.original_unit, EXCLUDED.original_indicator, EXCLUDED.fx_rate_id)
      RETURNING (xmax = 0) AS inserted`;
    for (const r of result) {
      if (r.inserted) this.written.observationsCreated++;
      else this.written.observationsUpdated++;
    }
    this.written.observationsUnchanged += batch.length - result.length;
    this.batch = [];
    this.onWritten(this.written.observationsCreated + this.written.observationsUpdated + this.written.observationsUnchanged);
  }

  /** The one audit entry of the import, with its counts. */
  async audit(fileName: string, rows: number): Promise<void> {
    await this.tx.auditLog.create({ data: { userId: this.userId, action: 'import', entity: 'import', entityId: fileName, after: { rows, ...this.written }, reason: 'CSV import' } });
  }

  private async actorId(code: string): Promise<number> {
    const known = this.actorIds.get(code);
    if (known !== undefined) return known;
    const created = await this.tx.actor.create({ data: { code, name: countryName(code) ?? code, kind: 'COUNTRY' }, select: { id: true } });
    this.written.actorsCreated++;
    this.actorIds.set(code, created.id);
    return created.id;
  }

  /** An indicator the atlas does not know yet is created unscored (weight 0) in the row's dimension and unit. */
  private async indicatorId(item: Checked): Promise<number> {
    const known = this.indicatorIds.get(item.slug);
    if (known !== undefined) return known;
    const { row } = item;
    // A key the catalogue curates (research/indicators.csv's keys) gets its name, kind and weight; others are unscored.
    const seed = indicatorSeed({ slug: item.slug, dimension: item.dimension, unit: row.unit, definition: `Imported: ${row.indicator} (${row.unit}).` });
    const created = await this.tx.indicator.create({
      data: {
        slug: item.slug,
        name: seed.name === row.indicator.replace(/_/g, ' ') ? row.indicator : seed.name,
        unit: row.unit,
        valueKind: seed.valueKind,
        definition: seed.definition,
        methodology: seed.methodology ?? '',
        higherIsMoreDependent: seed.higherIsMoreDependent ?? true,
        partnerSide: seed.partnerSide ?? false,
        weight: seed.weight ?? 0,
        dimensionId: this.dimensionIds.get(item.dimension)!,
      },
      select: { id: true },
    });
    this.written.indicatorsCreated++;
    this.indicatorIds.set(item.slug, created.id);
    return created.id;
  }

  /** Finds the batch's sources, creating the missing ones in one statement. */
  private async resolveSources(): Promise<void> {
    const wanted = new Map<string, SourceRef>();
    for (const b of this.batch) if (!this.sourceIds.has(sourceKey(b.source))) wanted.set(sourceKey(b.source), b.source);
    if (wanted.size === 0) return;
    await this.findSources([...wanted.values()]);
    // A research-format row names its source's title, publisher and tier: a source already stored takes them.
    const described = this.keepExisting ? [] : [...wanted.entries()].filter(([k, r]) => this.sourceIds.has(k) && r.tier !== undefined);
    if (described.length > 0) {
      await this.tx.$executeRaw`
        UPDATE source s SET title = t.title, publisher = t.publisher, tier = t.tier::"SourceTier", version = s.version + 1
        FROM unnest(${described.map(([k]) => this.sourceIds.get(k)!)}::int[], ${described.map(([, r]) => r.title)}::text[],
                    ${described.map(([, r]) => r.publisher ?? '')}::text[], ${described.map(([, r]) => r.tier!)}::text[]) AS t(id, title, publisher, tier)
        WHERE s.id = t.id AND (s.title, s.publisher, s.tier::text) IS DISTINCT FROM (t.title, t.publisher, t.tier)`;
    }
    // A page has one title, publisher and tier: other passages of the same address that have no tier yet (stored before
    // tiers existed, e.g. "[no title returned] …") take them too.
    const rated = this.keepExisting ? [] : [...new Map([...wanted.values()].filter((r) => r.url !== null && r.tier !== undefined).map((r) => [r.url!, r])).values()];
    if (rated.length > 0) {
      await this.tx.$executeRaw`
        UPDATE source s SET title = t.title, publisher = t.publisher, tier = t.tier::"SourceTier", version = s.version + 1
        FROM unnest(${rated.map((r) => r.url)}::text[], ${rated.map((r) => r.title)}::text[], ${rated.map((r) => r.publisher ?? '')}::text[],
                    ${rated.map((r) => r.tier!)}::text[]) AS t(url, title, publisher, tier)
        WHERE s.url = t.url AND s.tier IS NULL`;
    }
    const missing = [...wanted.entries()].filter(([k]) => !this.sourceIds.has(k)).map(([, r]) => r);
    if (missing.length === 0) return;
    await this.tx.$executeRaw`
      INSERT INTO source (title, url, excerpt, publisher, tier)
      SELECT ti, u, e, pu, tr::"SourceTier"
      FROM unnest(${missing.map((r) => r.title)}::text[], ${missing.map((r) => r.url)}::text[], ${missing.map((r) => r.excerpt)}::text[],
                  ${missing.map((r) => r.publisher ?? '')}::text[], ${missing.map((r) => r.tier ?? null)}::text[]) AS t(ti, u, e, pu, tr)`;
    this.written.sourcesCreated += missing.length;
    await this.findSources(missing);
  }

  private async findSources(refs: SourceRef[]): Promise<void> {
    const withUrl = refs.filter((r) => r.url !== null);
    const withoutUrl = refs.filter((r) => r.url === null);
    type Found = { id: number; url: string | null; title: string; excerpt: string };
    const found: Found[] = [
      ...(withUrl.length
        ? await this.tx.$queryRaw<Found[]>`
            SELECT DISTINCT ON (s.url, s.excerpt) s.id, s.url, s.title, s.excerpt FROM source s
            JOIN unnest(${withUrl.map((r) => r.url)}::text[], ${withUrl.map((r) => r.excerpt)}::text[]) AS t(u, e) ON s.url = t.u AND s.excerpt = t.e
            ORDER BY s.url, s.excerpt, s.id`
        : []),
      ...(withoutUrl.length
        ? await this.tx.$queryRaw<Found[]>`
            SELECT DISTINCT ON (s.title, s.excerpt) s.id, s.url, s.title, s.excerpt FROM source s
            JOIN unnest(${withoutUrl.map((r) => r.title)}::text[], ${withoutUrl.map((r) => r.excerpt)}::text[]) AS t(ti, e) ON s.url IS NULL AND s.title = t.ti AND s.excerpt = t.e
            ORDER BY s.title, s.excerpt, s.id`
        : []),
    ];
    for (const f of found) this.sourceIds.set(sourceKey(f), f.id);
  }
}
