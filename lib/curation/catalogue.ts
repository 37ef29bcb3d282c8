/**
 * The curated catalogue behind the seed: dimensions, actors, what the catalogue adds to research/indicators.csv,
 * the sources that list every partner (sourced zeros) and the cells that do not apply (see research/NOTES.md).
 * Nothing here is a figure: every value comes from the research rows, each with its source and excerpt.
 */

export type DimensionSeed = { key: string; label: string; colour: string; description: string };

// Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
export const DIMENSIONS: DimensionSeed[] = [
  { key: 'gas', label: 'Gas', colour: '#0072B2', description: 'Natural gas imports by pipeline and LNG: volumes and supplier shares.' },
  { key: 'oil', label: 'Oil', colour: '#D55E00', description: 'Crude oil, oil products and diesel imports, and the share supplied by each partner.' },
  { key: 'grain', label: 'Grain', colour: '#E69F00', description: 'Wheat imports by origin, by marketing year (filed under the year in which it ends).' },
  { key: 'tourism', label: 'Tourism', colour: '#009E73', description: 'Foreign visitor arrivals by nationality and in total.' },
  { key: 'trade', label: 'Trade', colour: '#56B4E9', description: 'Exports, imports and trade volume in goods, as stated by statistics offices and officials.' },
  { key: 'arms', label: 'Arms', colour: '#CC79A7', description: 'Arms contracts, deliveries and SIPRI trend figures.' },
  { key: 'sanctions', label: 'Sanctions stance', colour: '#000000', description: "Turkey's stance on sanctions regimes, and sanctions imposed on Turkey." },
];

export type ActorSeed = { code: string; name: string; kind: 'COUNTRY' | 'GROUP' | 'AGGREGATE'; isFocal?: boolean };

/** Actors the research does not name with an ISO code; countries are named from the ISO list when first seen. */
export const ACTORS: ActorSeed[] = [
  { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
  { code: 'RUS', name: 'Russia', kind: 'COUNTRY' },
  { code: 'UKR', name: 'Ukraine', kind: 'COUNTRY' },
  { code: 'NATO', name: 'NATO', kind: 'GROUP' },
  { code: 'EUU', name: 'European Union', kind: 'GROUP' },
  { code: 'USA', name: 'United States', kind: 'COUNTRY' },
  { code: 'GBR', name: 'United Kingdom', kind: 'COUNTRY' },
  { code: 'WORLD', name: 'World (all partners)', kind: 'AGGREGATE' },
];

export type IndicatorSeed = {
  slug: string;
  dimension: string;
  name: string;
  unit: string;
  valueKind: 'NUMBER' | 'SHARE' | 'STANCE';
  definition: string;
  methodology?: string;
  partnerSide?: boolean;
  higherIsMoreDependent?: boolean;
  /** Default weight in the dimension's score; 0 keeps an indicator out of the score. */
  weight?: number;
  /** For volumes: the indicator whose WORLD figure is the reporter's total (default: this one). */
  total?: string;
};

/** What the catalogue adds to research/indicators.csv (which gives key, dimension, unit and definition). */
export type IndicatorCuration = Partial<Omit<IndicatorSeed, 'slug' | 'dimension' | 'unit' | 'definition'>>;

export const INDICATOR_CURATION: Record<string, IndicatorCuration> = {
  // gas
  gas_import_share: { name: 'Share of gas imports', valueKind: 'SHARE', weight: 1, methodology: 'EPDK annual supplier shares where published; the 2020 Russian share is the founding article\'s "nearly 34%".' },
  gas_imports_volume: { name: 'Gas imports', weight: 1, methodology: 'EPDK, IEA and press reports of EPDK data. Divided by the WORLD total of the same year to give a share where both exist.' },
  gas_imports_volume_sm3: { name: 'Gas imports (EPDK, standard cubic metres)', methodology: 'Kept apart from the bcm series: Sm3 and bcm are measured at different reference conditions.' },
  gas_supplies_gazprom: { name: 'Gazprom supplies to Turkey (Gazprom-reported)', partnerSide: true },
  gas_pipeline_imports_volume: { name: 'Pipeline gas imports (Statistical Review)', methodology: 'Energy Institute / bp Statistical Review trade matrices: every origin of the year is listed, so a partner absent from a year\'s matrix is a sourced zero.' },
  lng_imports_volume: { name: 'LNG imports', methodology: 'Statistical Review LNG matrices (every origin listed; an absent partner is a sourced zero) and press reports of EPDK data.' },
  lng_share_of_gas_imports: { name: 'LNG share of gas imports', valueKind: 'SHARE' },
  // oil
  oil_import_share: { name: 'Share of oil imports', valueKind: 'SHARE', weight: 1, methodology: 'Crude and products as the source defines them (EPDK, TPAO, N. Pamir); see period notes.' },
  crude_import_share: { name: 'Share of crude oil imports', valueKind: 'SHARE', weight: 1 },
  oil_and_products_imports: { name: 'Oil and products imports', weight: 1 },
  crude_oil_imports: { name: 'Crude oil imports', weight: 1 },
  crude_imports_bpd: { name: 'Crude oil imports (barrels per day)' },
  diesel_imports: { name: 'Diesel imports', weight: 1 },
  diesel_exports_to_turkey_lseg: { name: 'Russian diesel exports to Turkey (LSEG tanker tracking)', partnerSide: true },
  // grain
  wheat_import_share: { name: 'Share of wheat imports', valueKind: 'SHARE', weight: 1, methodology: 'Marketing-year figures are filed under the year in which the marketing year ends; calendar-year figures say so in their period note.' },
  wheat_imports: { name: 'Wheat imports', weight: 1 },
  wheat_imports_partner_side: { name: 'Wheat exports to Turkey (exporter-side data)', partnerSide: true },
  // tourism
  foreign_arrivals: { name: 'Visitor arrivals', weight: 1, methodology: 'Ministry of Culture and Tourism border statistics by nationality; the WORLD figure is all foreign visitors, the total each share is taken of.' },
  foreign_arrivals_share: { name: 'Share of foreign visitors', valueKind: 'SHARE', weight: 1 },
  foreign_arrivals_dgmm_entries: { name: 'Border entries (DGMM)' },
  visitors_total_incl_citizens_abroad: { name: 'Visitors incl. citizens resident abroad' },
  // trade
  exports: { name: 'Exports to partner', weight: 1, methodology: 'TurkStat where available (general trade system unless the period note says otherwise).' },
  imports: { name: 'Imports from partner', weight: 1 },
  import_share: { name: 'Share of imports', valueKind: 'SHARE', weight: 1 },
  export_share: { name: 'Share of exports', valueKind: 'SHARE', weight: 1 },
  exports_tim: { name: 'Exports to partner (TİM, exporters\' assembly)' },
  trade_volume: { name: 'Trade volume' },
  trade_volume_partner_side: { name: 'Trade volume (partner-side statements)', partnerSide: true },
  trade_volume_partner_side_eur: { name: 'Trade volume (partner-side, EUR)', partnerSide: true },
  exports_mirror: { name: 'Exports to partner (mirror: partner\'s imports)', partnerSide: true },
  imports_mirror: { name: 'Imports from partner (mirror: partner\'s exports)', partnerSide: true },
  exports_mirror_eur: { name: 'Exports to partner (mirror, EUR)', partnerSide: true },
  imports_mirror_eur: { name: 'Imports from partner (mirror, EUR)', partnerSide: true },
  // arms
  arms_imports_tiv: { name: 'Arms imports (SIPRI TIV)', weight: 1, methodology: 'SIPRI trend-indicator values by supplier (per-supplier tables, July 2022 download) divided by Turkey\'s total of the same year (WDI / SIPRI). A supplier\'s table lists every delivery it identified: a year it leaves blank is a sourced zero.' },
  arms_exports_tiv: { name: 'Arms exports (SIPRI TIV)', weight: 1, methodology: 'SIPRI trend-indicator values by recipient (Turkey\'s export table, July 2022 download) divided by Turkey\'s total exports of the same year: the partner as a customer. The table lists every recipient: a partner it leaves blank had none.' },
  sipri_supplier_share: { name: 'Share of arms imports (SIPRI, five-year window)', valueKind: 'SHARE', weight: 1, methodology: 'A five-year window, filed under its end year; scored only in that end year, and always labelled as a window.' },
  sipri_recipient_share: { name: 'Share of arms exports (SIPRI, five-year window)', valueKind: 'SHARE', higherIsMoreDependent: true },
  arms_recipient_rank: { name: 'Rank among the partner\'s arms recipients', higherIsMoreDependent: false },
  sipri_share_global_arms_exports: { name: 'Share of global arms exports (SIPRI)', valueKind: 'SHARE', higherIsMoreDependent: false },
  sipri_share_global_arms_imports: { name: 'Share of global arms imports (SIPRI)', valueKind: 'SHARE' },
  sipri_arms_exports_change: { name: 'Change in arms exports (SIPRI, window on window)', higherIsMoreDependent: false },
  sipri_arms_imports_change: { name: 'Change in arms imports (SIPRI, window on window)' },
  sipri_exporter_rank: { name: 'Rank among arms exporters (SIPRI)', higherIsMoreDependent: false },
  sipri_importer_rank: { name: 'Rank among arms importers (SIPRI)', higherIsMoreDependent: false },
  s400_contract_value: { name: 'S-400 contract value' },
  f16_sale_value: { name: 'F-16 sale approved (value)' },
  f35_payments_claimed: { name: 'F-35 payments made (Erdoğan claim)' },
  defence_aerospace_exports: { name: 'Defence and aerospace exports' },
  tb2_contracted_by_ukraine: { name: 'Bayraktar TB2 contracted by Ukraine', higherIsMoreDependent: false },
  tb2_delivered_to_ukraine: { name: 'Bayraktar TB2 delivered to Ukraine', higherIsMoreDependent: false },
  tb2_in_ukraine_inventory: { name: 'Bayraktar TB2 in Ukraine\'s inventory', higherIsMoreDependent: false },
  // sanctions stance: coded inputs, scored as alignment (lib/scoring/stance.ts)
  sanctions_stance: { name: 'Joins Western sanctions on Russia (1 = joins, 0 = does not)', weight: 1 },
  unga_vote: { name: 'UN General Assembly votes on Russia and Ukraine', weight: 1 },
  intl_org_vote_vs_russia: { name: 'Votes on Russia in other international organisations', weight: 1 },
  unga_ideal_point_partner: { name: 'UN voting ideal point of the partner', weight: 1 },
  unga_ideal_point: { name: 'Turkey\'s UN voting ideal point' },
  cfsp_alignment_rate: { name: 'Alignment with EU foreign-policy (CFSP) positions', valueKind: 'SHARE', weight: 1 },
  us_secondary_sanctions_tur_entities: { name: 'Turkish entities under US secondary sanctions' },
};

/** Indicators whose figures are five-year windows filed under the window's end year (SIPRI editions). */
export const WINDOW_INDICATORS = new Set([
  'sipri_supplier_share', 'sipri_recipient_share', 'arms_recipient_rank', 'sipri_share_global_arms_exports', 'sipri_share_global_arms_imports',
  'sipri_arms_exports_change', 'sipri_arms_imports_change', 'sipri_arms_exports_to_partner_change', 'sipri_arms_imports_from_partner_change',
  'sipri_exporter_rank', 'sipri_importer_rank',
]);

const humanise = (slug: string) => {
  const words = slug.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** An indicator's full seed: the research's key, dimension, unit and definition with the catalogue's curation. */
export function indicatorSeed(row: { slug: string; dimension: string; unit: string; definition: string }): IndicatorSeed {
  const curation = INDICATOR_CURATION[row.slug] ?? {};
  return {
    slug: row.slug,
    dimension: row.dimension,
    unit: row.unit,
    definition: row.definition,
    name: curation.name ?? humanise(row.slug),
    valueKind: curation.valueKind ?? (row.unit === '%' ? 'SHARE' : 'NUMBER'),
    methodology: curation.methodology ?? '',
    partnerSide: curation.partnerSide ?? /(_partner_side|_mirror|_lseg|gazprom)/.test(row.slug),
    higherIsMoreDependent: curation.higherIsMoreDependent ?? true,
    weight: curation.weight ?? 0,
    ...(curation.total ? { total: curation.total } : {}),
  };
}

/**
 * Sources that list every partner of an indicator for their years (NOTES.md, "Complete matrices allow sourced
 * zeros"). `sourceUrl` picks, for each year, the research row of that indicator (and partner, for one supplier's own
 * table) whose address contains it; that row's source is the listing's source. Only years the file covers qualify.
 */
/** `oneTable`: one table covers every year of the range (SIPRI); otherwise each year has its own edition's matrix. */
export type ListingRule = { indicator: string; partner: string | null; from: number; to: number; sourceUrl: string; note: string; oneTable?: boolean };

const SIPRI_SUPPLIERS = ['USA', 'ITA', 'KOR', 'DEU', 'ESP', 'CAN', 'NLD', 'RUS', 'FRA', 'ISR'];

export const LISTING_RULES: ListingRule[] = [
  { indicator: 'gas_pipeline_imports_volume', partner: null, from: 2016, to: 2020, sourceUrl: 'bp-stat', note: 'Statistical Review pipeline trade matrix: lists every origin of Turkey\'s pipeline imports for the year.' },
  { indicator: 'lng_imports_volume', partner: null, from: 2016, to: 2023, sourceUrl: 'github.com/', note: 'Statistical Review LNG trade matrix: lists every origin of Turkey\'s LNG imports for the year.' },
  ...SIPRI_SUPPLIERS.map((supplier) => ({
    indicator: 'arms_imports_tiv', partner: supplier, from: 2015, to: 2021, sourceUrl: '360-info/report-arms-trade', oneTable: true,
    note: 'SIPRI table of this supplier\'s deliveries by recipient and year: a year it leaves blank is SIPRI\'s statement that no delivery was identified.',
  })),
  { indicator: 'arms_exports_tiv', partner: null, from: 2015, to: 2021, sourceUrl: '360-info/report-arms-trade', oneTable: true, note: 'SIPRI table of Turkey\'s arms exports by recipient and year: a recipient it does not list received none.' },
];

/**
 * Cells where the dimension does not apply to the relationship, with the reason (shown instead of "No data").
 * Only where the research itself says so.
 */
export const NOT_APPLICABLE: { reporter: string; partner: string; dimension: string; reason: string }[] = [
  { reporter: 'TUR', partner: 'UKR', dimension: 'oil', reason: 'Ukraine is not an oil supplier of Turkey (research NOTES: "Ukraine is never a gas or oil supplier").' },
];

/** The founding article has no URL in the research files; its excerpts are read verbatim from the text at seed time. */
export const FOUNDING_ARTICLE = {
  publisher: 'BVZat',
  gasShare: { pattern: /In 2020, nearly 34% of Turkey.s gas imports came from there\./, value: 34 },
};
