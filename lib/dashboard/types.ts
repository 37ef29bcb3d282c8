/** Plain, serialisable shapes that lib/queries returns and components render (no Prisma types, no Dates). */

export type ActorKind = 'COUNTRY' | 'GROUP' | 'AGGREGATE';
export type Actor = { code: string; name: string; kind: ActorKind; isFocal: boolean };
export type MembershipRow = { group: string; member: string; joinedOn: string; leftOn: string | null };
export type DimensionRow = { key: string; label: string; colour: string; description: string };
export type IndicatorRow = {
  slug: string;
  dimension: string;
  name: string;
  unit: string;
  valueKind: 'NUMBER' | 'SHARE' | 'STANCE';
  definition: string;
  methodology: string;
  higherIsMoreDependent: boolean;
  partnerSide: boolean;
  weight: number;
  totalSlug: string | null;
};
export type Tier = 'OFFICIAL' | 'INTL_ORG' | 'MAJOR_MEDIA' | 'OTHER';
export type SourceRef = { id: number; title: string; publisher: string; url: string | null; excerpt: string; tier: Tier | null };

/** A source that lists every partner of an indicator for a year (partner null), or one partner's complete table. */
export type ListingRow = { indicator: string; reporter: string; partner: string | null; year: number; note: string; source: SourceRef };

export type Catalogue = {
  actors: Actor[];
  memberships: MembershipRow[];
  dimensions: DimensionRow[];
  indicators: IndicatorRow[];
  listings: ListingRow[];
};
export type PeriodType = 'YEAR' | 'MARKETING_YEAR' | 'PARTIAL_YEAR' | 'MULTI_YEAR';
export type Status = 'REPORTED' | 'ESTIMATE' | 'APPROXIMATE' | 'LOWER_BOUND' | 'DISPUTED' | 'PARTIAL_YEAR' | 'FORECAST';

export type ObservationRow = {
  id: number;
  indicator: string;
  reporter: string;
  partner: string;
  year: number;
  periodType: PeriodType;
  periodLabel: string;
  rank: number;
  value: number | null;
  stance: string | null;
  status: Status;
  periodNote: string;
  note: string;
  source: SourceRef;
  /** The file's own indicator name, when the import mapped it onto this concept. */
  publishedAs?: string;
  /** The exchange rate the import converted the published currency with, and its source. */
  fx?: { currency: string; year: number; perUsd: string; source: SourceRef } | null;
};

export type EventRow = {
  id: number;
  date: string;
  endDate: string | null;
  precision: 'day' | 'month';
  title: string;
  description: string;
  partner: string | null;
  partnerName: string | null;
  dimension: string | null;
  dimensionLabel: string | null;
  source: SourceRef;
};

export type DataVersion = { datasetId: string; version: string; changedAt: string };
