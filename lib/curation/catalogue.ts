/**
 * The curated catalogue behind the seed: dimensions, actors, indicators, and how each raw indicator label of
 * research/observations.csv maps onto a clean indicator, period and status (see research/NOTES.md).
 * Nothing here is a figure: every value comes from the CSV rows, each with its source and excerpt.
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

export const ACTORS: ActorSeed[] = [
  { code: 'TUR', name: 'Turkey', kind: 'COUNTRY', isFocal: true },
  { code: 'RUS', name: 'Russia', kind: 'COUNTRY' },
  { code: 'UKR', name: 'Ukraine', kind: 'COUNTRY' },
  { code: 'NATO', name: 'NATO', kind: 'GROUP' },
  { code: 'USA', name: 'United States', kind: 'COUNTRY' },
  { code: 'DEU', name: 'Germany', kind: 'COUNTRY' },
  { code: 'GBR', name: 'United Kingdom', kind: 'COUNTRY' },
  { code: 'ESP', name: 'Spain', kind: 'COUNTRY' },
  { code: 'ITA', name: 'Italy', kind: 'COUNTRY' },
  { code: 'FIN', name: 'Finland', kind: 'COUNTRY' },
  { code: 'SWE', name: 'Sweden', kind: 'COUNTRY' },
  { code: 'AZE', name: 'Azerbaijan', kind: 'COUNTRY' },
  { code: 'IRN', name: 'Iran', kind: 'COUNTRY' },
  { code: 'IRQ', name: 'Iraq', kind: 'COUNTRY' },
  { code: 'DZA', name: 'Algeria', kind: 'COUNTRY' },
  { code: 'WORLD', name: 'World (all partners)', kind: 'AGGREGATE' },
];

export const NATO_SOURCE = {
  title: 'NATO member countries',
  publisher: 'NATO',
  url: 'https://www.nato.int/cps/en/natohq/topics_52044.htm',
  excerpt: '',
};

/** Accession dates (the date each state deposited its instrument of accession). */
export const NATO_MEMBERSHIPS: { member: string; joinedOn: string }[] = [
  { member: 'USA', joinedOn: '1949-08-24' },
  { member: 'GBR', joinedOn: '1949-08-24' },
  { member: 'ITA', joinedOn: '1949-08-24' },
  { member: 'TUR', joinedOn: '1952-02-18' },
  { member: 'DEU', joinedOn: '1955-05-06' },
  { member: 'ESP', joinedOn: '1982-05-30' },
  { member: 'FIN', joinedOn: '2023-04-04' },
  { member: 'SWE', joinedOn: '2024-03-07' },
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

const NOT_SCORED = 0;

export const INDICATORS: IndicatorSeed[] = [
  // gas
  { slug: 'gas_import_share', dimension: 'gas', name: 'Share of gas imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's natural gas imports (pipeline and LNG) in the year.", methodology: 'EPDK annual supplier shares where published; the 2020 Russian share is the founding article\'s "nearly 34%".', weight: 1 },
  { slug: 'gas_imports_volume', dimension: 'gas', name: 'Gas imports', unit: 'bcm', valueKind: 'NUMBER', definition: 'Natural gas imported from the partner (WORLD: total imports), billion cubic metres.', methodology: 'IEA, EPDK and press reports of EPDK data. Divided by the WORLD total of the same year to give a share where both exist.', weight: 1 },
  { slug: 'gas_imports_volume_sm3', dimension: 'gas', name: 'Gas imports (EPDK, standard cubic metres)', unit: 'billion Sm3', valueKind: 'NUMBER', definition: 'Natural gas imported from the partner, billion standard cubic metres as EPDK reports them.', methodology: 'Kept apart from the bcm series: Sm3 and bcm are measured at different reference conditions.', weight: NOT_SCORED },
  { slug: 'gas_supplies_gazprom', dimension: 'gas', name: 'Gazprom supplies to Turkey (Gazprom-reported)', unit: 'bcm', valueKind: 'NUMBER', definition: "Gas supplied to Turkey as reported by Gazprom (partner-side data; not the same as EPDK's imports from Russia).", partnerSide: true, weight: NOT_SCORED },
  { slug: 'lng_imports_volume', dimension: 'gas', name: 'LNG imports', unit: 'bcm', valueKind: 'NUMBER', definition: 'Liquefied natural gas imports, all origins.', weight: NOT_SCORED },
  { slug: 'lng_spot_imports_volume', dimension: 'gas', name: 'Spot LNG imports', unit: 'bcm', valueKind: 'NUMBER', definition: 'LNG bought on the spot market from the partner.', weight: NOT_SCORED },
  { slug: 'lng_share_of_gas_imports', dimension: 'gas', name: 'LNG share of gas imports', unit: '%', valueKind: 'SHARE', definition: 'Share of LNG in total gas imports.', weight: NOT_SCORED },
  // oil
  { slug: 'oil_import_share', dimension: 'oil', name: 'Share of oil imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's oil imports (crude and products, as the source defines them).", methodology: 'EPDK via press, and N. Pamir; definitions differ between sources (see NOTES caveat 3).', weight: 1 },
  { slug: 'crude_import_share', dimension: 'oil', name: 'Share of crude oil imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's crude oil imports.", weight: 1 },
  { slug: 'oil_and_products_imports', dimension: 'oil', name: 'Oil and products imports', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Crude oil and oil products imported from the partner (WORLD: total).', weight: 1 },
  { slug: 'crude_oil_imports', dimension: 'oil', name: 'Crude oil imports', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Crude oil imported from the partner (WORLD: total).', weight: 1 },
  { slug: 'crude_imports_bpd', dimension: 'oil', name: 'Crude oil imports (barrels per day)', unit: 'barrels per day', valueKind: 'NUMBER', definition: 'Average crude oil imports from the partner over the period.', weight: NOT_SCORED },
  { slug: 'diesel_imports', dimension: 'oil', name: 'Diesel imports', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Diesel imported from the partner (WORLD: total).', weight: 1 },
  { slug: 'diesel_import_share', dimension: 'oil', name: 'Share of seaborne diesel imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's seaborne diesel imports (Vortexa).", weight: NOT_SCORED },
  { slug: 'diesel_exports_to_turkey_lseg', dimension: 'oil', name: 'Russian diesel and gasoil exports to Turkey (LSEG)', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Russian seaborne diesel/gasoil exports with Turkey as destination (tanker tracking); some may have been shipped on.', partnerSide: true, weight: NOT_SCORED },
  // grain
  { slug: 'wheat_import_share', dimension: 'grain', name: 'Share of wheat imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's wheat imports in the marketing year (July–June).", methodology: 'Sources define the base differently (see NOTES caveat 5); the APK-Inform figure is primary.', weight: 1 },
  { slug: 'wheat_imports', dimension: 'grain', name: 'Wheat imports', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Wheat imported from the partner in the marketing year (WORLD: total).', weight: 1 },
  { slug: 'wheat_exports_to_turkey_russian_data', dimension: 'grain', name: 'Russian wheat exports to Turkey (Russian exporters\' data)', unit: 'million tonnes', valueKind: 'NUMBER', definition: 'Wheat shipped to Turkey as reported by Russian exporters.', partnerSide: true, weight: NOT_SCORED },
  // tourism
  { slug: 'foreign_arrivals', dimension: 'tourism', name: 'Visitor arrivals', unit: 'persons', valueKind: 'NUMBER', definition: 'Arrivals in Turkey of visitors of the partner\'s nationality.', methodology: 'MoCT border statistics; DGMM border entries for 2015–2018 (close to MoCT, not identical). Divided by total foreign visitors of the same year to give a share.', weight: 1, total: 'foreign_visitors_total' },
  { slug: 'foreign_visitors_total', dimension: 'tourism', name: 'Foreign visitors (total)', unit: 'persons', valueKind: 'NUMBER', definition: 'All foreign visitors to Turkey, excluding Turkish citizens resident abroad.', weight: NOT_SCORED },
  { slug: 'visitors_total_incl_citizens_abroad', dimension: 'tourism', name: 'Visitors incl. citizens resident abroad', unit: 'persons', valueKind: 'NUMBER', definition: 'Visitor totals as reported, which appear to include Turkish citizens resident abroad (not comparable with foreign visitors).', weight: NOT_SCORED },
  // trade
  { slug: 'exports', dimension: 'trade', name: 'Exports to partner', unit: 'USD billion', valueKind: 'NUMBER', definition: "Turkey's goods exports to the partner (WORLD: total).", methodology: 'TurkStat where available, else TIM (exporters\' assembly; excludes some free-zone flows).', higherIsMoreDependent: true, weight: 1 },
  { slug: 'imports', dimension: 'trade', name: 'Imports from partner', unit: 'USD billion', valueKind: 'NUMBER', definition: "Turkey's goods imports from the partner (WORLD: total).", weight: 1 },
  { slug: 'import_share', dimension: 'trade', name: 'Share of imports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's goods imports.", weight: 1 },
  { slug: 'export_share', dimension: 'trade', name: 'Share of exports', unit: '%', valueKind: 'SHARE', definition: "Partner's share of Turkey's goods exports.", weight: 1 },
  { slug: 'trade_volume', dimension: 'trade', name: 'Trade volume', unit: 'USD billion', valueKind: 'NUMBER', definition: 'Exports plus imports of goods with the partner, as stated by Turkish officials or statistics.', weight: NOT_SCORED },
  { slug: 'trade_volume_partner_side', dimension: 'trade', name: 'Trade volume (partner-side statements)', unit: 'USD billion', valueKind: 'NUMBER', definition: 'Trade turnover as stated by the partner\'s officials or statistics.', partnerSide: true, weight: NOT_SCORED },
  { slug: 'trade_volume_partner_side_eur', dimension: 'trade', name: 'Trade volume (partner-side, EUR)', unit: 'EUR billion', valueKind: 'NUMBER', definition: 'Trade volume as stated by the partner\'s government, in euros.', partnerSide: true, weight: NOT_SCORED },
  { slug: 'exports_mirror', dimension: 'trade', name: 'Exports to partner (mirror: partner\'s imports)', unit: 'USD billion', valueKind: 'NUMBER', definition: "The partner's recorded imports from Turkey.", partnerSide: true, weight: NOT_SCORED },
  { slug: 'imports_mirror', dimension: 'trade', name: 'Imports from partner (mirror: partner\'s exports)', unit: 'USD billion', valueKind: 'NUMBER', definition: "The partner's recorded exports to Turkey.", partnerSide: true, weight: NOT_SCORED },
  // arms
  { slug: 'sipri_supplier_share', dimension: 'arms', name: 'Share of arms imports (SIPRI, five-year window)', unit: '%', valueKind: 'SHARE', definition: "Supplier's share of Turkey's arms imports over a SIPRI five-year window, filed under the window's end year.", weight: 1 },
  { slug: 's400_contract_value', dimension: 'arms', name: 'S-400 contract value', unit: 'USD billion', valueKind: 'NUMBER', definition: 'Value of the S-400 air-defence contract with Russia.', weight: NOT_SCORED },
  { slug: 'f35_aircraft_ordered', dimension: 'arms', name: 'F-35 aircraft ordered', unit: 'aircraft', valueKind: 'NUMBER', definition: 'F-35 aircraft ordered by Turkey (of a planned 100) before its removal from the programme.', weight: NOT_SCORED },
  { slug: 'f35_payments_claimed', dimension: 'arms', name: 'F-35 payments made (Erdogan claim)', unit: 'USD billion', valueKind: 'NUMBER', definition: 'Payments Turkey says it made to the F-35 programme.', weight: NOT_SCORED },
  { slug: 'f16_sale_value', dimension: 'arms', name: 'F-16 sale approved (value)', unit: 'USD billion', valueKind: 'NUMBER', definition: 'Value of the F-16 sale approved by the US.', weight: NOT_SCORED },
  { slug: 'f16_aircraft_approved', dimension: 'arms', name: 'F-16 new aircraft approved', unit: 'aircraft', valueKind: 'NUMBER', definition: 'New F-16 aircraft in the approved sale.', weight: NOT_SCORED },
  { slug: 'f16_modernisation_kits', dimension: 'arms', name: 'F-16 modernisation kits approved', unit: 'kits', valueKind: 'NUMBER', definition: 'Kits to upgrade existing F-16s in the approved sale.', weight: NOT_SCORED },
  { slug: 'tb2_contracted_by_ukraine', dimension: 'arms', name: 'Bayraktar TB2 contracted by Ukraine', unit: 'drones', valueKind: 'NUMBER', definition: 'TB2 drones contracted by Ukraine (Turkish export).', higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'tb2_delivered_to_ukraine', dimension: 'arms', name: 'Bayraktar TB2 delivered to Ukraine', unit: 'drones', valueKind: 'NUMBER', definition: 'TB2 drones delivered to Ukraine (Turkish export).', higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'tb2_in_ukraine_inventory', dimension: 'arms', name: 'Bayraktar TB2 in Ukraine\'s inventory', unit: 'drones', valueKind: 'NUMBER', definition: 'TB2 drones Ukraine stated it held.', higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'us_arms_recipient_rank', dimension: 'arms', name: 'Rank among US arms recipients (SIPRI)', unit: 'rank', valueKind: 'NUMBER', definition: "Turkey's rank among recipients of US arms over a SIPRI five-year window (1 = largest).", higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'sipri_share_global_arms_exports', dimension: 'arms', name: 'Share of global arms exports (SIPRI)', unit: '%', valueKind: 'SHARE', definition: "Turkey's share of global arms exports over a SIPRI five-year window.", higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'sipri_share_global_arms_imports', dimension: 'arms', name: 'Share of global arms imports (SIPRI)', unit: '%', valueKind: 'SHARE', definition: "Turkey's share of global arms imports over a SIPRI five-year window.", weight: NOT_SCORED },
  { slug: 'sipri_arms_exports_change', dimension: 'arms', name: 'Change in arms exports (SIPRI, window on window)', unit: '% increase', valueKind: 'NUMBER', definition: "Increase in Turkey's arms exports between two SIPRI five-year windows.", higherIsMoreDependent: false, weight: NOT_SCORED },
  { slug: 'sipri_arms_imports_change', dimension: 'arms', name: 'Fall in arms imports (SIPRI, window on window)', unit: '% decrease', valueKind: 'NUMBER', definition: "Decrease in Turkey's arms imports between two SIPRI five-year windows.", higherIsMoreDependent: false, weight: NOT_SCORED },
  // sanctions
  { slug: 'sanctions_stance', dimension: 'sanctions', name: 'Stance on Western sanctions against the partner', unit: 'stance', valueKind: 'STANCE', definition: 'Whether Turkey joins the sanctions that the EU and US impose on the partner.', methodology: 'Categorical, from official statements; not scored.', weight: NOT_SCORED },
];

export type Period = { type: 'YEAR' | 'MARKETING_YEAR' | 'PARTIAL_YEAR' | 'MULTI_YEAR'; label: string };
export type Status = 'REPORTED' | 'ESTIMATE' | 'APPROXIMATE' | 'LOWER_BOUND' | 'DISPUTED';

export type Curation = {
  slug: string;
  period?: Period;
  status?: Status;
  note?: string;
  /** Multiply the CSV value to reach the indicator's unit (the note then says what was printed). */
  scale?: number;
  /** Lower is preferred as the primary figure when several sources give the same key. */
  preference?: number;
};

const YEAR: Period = { type: 'YEAR', label: '' };
const partial = (label: string): Period => ({ type: 'PARTIAL_YEAR', label });
const my = (label: string): Period => ({ type: 'MARKETING_YEAR', label: `MY ${label}` });
const window5 = (label: string): Period => ({ type: 'MULTI_YEAR', label });

/** Every raw `indicator` label of research/observations.csv → its curated form. The seed fails on an unmapped label. */
export const CURATION: Record<string, Curation> = {
  gas_imports_volume: { slug: 'gas_imports_volume' },
  gas_import_share: { slug: 'gas_import_share' },
  gas_supplies_from_russia_gazprom_reported: { slug: 'gas_supplies_gazprom' },
  lng_imports_volume: { slug: 'lng_imports_volume' },
  'lng_imports_volume (spot)': { slug: 'lng_spot_imports_volume' },
  lng_share_of_gas_imports: { slug: 'lng_share_of_gas_imports' },
  'lng_share_of_gas_imports (approx.)': { slug: 'lng_share_of_gas_imports', status: 'APPROXIMATE' },

  oil_and_products_imports: { slug: 'oil_and_products_imports' },
  crude_oil_imports: { slug: 'crude_oil_imports' },
  diesel_imports: { slug: 'diesel_imports' },
  crude_imports_from_russia_bpd: { slug: 'crude_imports_bpd' },
  'crude_imports_from_russia_bpd (same period Jan-Aug as 2022 YTD)': { slug: 'crude_imports_bpd', period: partial('Jan–Aug') },
  "crude_imports_from_russia_bpd (year-to-date as of Aug 2022; lower bound 'more than')": { slug: 'crude_imports_bpd', period: partial('Jan–Aug'), status: 'LOWER_BOUND' },
  'crude_imports_from_russia_bpd (average Apr-Nov)': { slug: 'crude_imports_bpd', period: partial('Apr–Nov') },
  'crude_import_share_from_russia (approx.)': { slug: 'crude_import_share', status: 'APPROXIMATE' },
  "crude_import_share_from_russia (lower bound 'more than')": { slug: 'crude_import_share', status: 'LOWER_BOUND' },
  'oil_import_share_from_russia (end of 2022, per N. Pamir)': { slug: 'oil_import_share', status: 'APPROXIMATE', note: '"End of 2022" per N. Pamir: ambiguous between December and the whole year.' },
  'oil_import_share_from_russia (per N. Pamir)': { slug: 'oil_import_share', note: 'Per N. Pamir.' },
  'oil_import_share_from_russia (EPDK)': { slug: 'oil_import_share', note: 'EPDK.' },
  'diesel_import_share_from_russia (H1)': { slug: 'diesel_import_share', period: partial('H1') },
  'diesel_import_share_from_russia (H2)': { slug: 'diesel_import_share', period: partial('H2') },
  'diesel_gasoil_exports_from_russia_to_turkey (LSEG)': { slug: 'diesel_exports_to_turkey_lseg' },

  'wheat_import_share (marketing year 2020/21)': { slug: 'wheat_import_share', period: my('2020/21'), note: 'APK-Inform.', preference: 0 },
  'wheat_import_share (season 2020-2021)': { slug: 'wheat_import_share', period: my('2020/21'), status: 'DISPUTED', note: 'Turkish flour-industry figure (E. G. Ulusoy) via a low-quality aggregator; base differs from APK-Inform.', preference: 1 },
  'wheat_imports (marketing year 2020/21)': { slug: 'wheat_imports', period: my('2020/21'), scale: 0.001, note: 'Printed as 794 thousand tonnes.' },
  'wheat_imports (season 2020-2021)': { slug: 'wheat_imports', period: my('2020/21'), status: 'DISPUTED', note: 'Turkish flour-industry figure (E. G. Ulusoy) via a low-quality aggregator.' },
  'wheat_imports (marketing year 2021/22)': { slug: 'wheat_imports', period: my('2021/22'), note: 'USDA FAS via warwyckfoods.ca.' },
  "wheat_imports_from_russia (Jul-Dec 2023, first half of 2023/24 season; Russian exporters' data)": { slug: 'wheat_exports_to_turkey_russian_data', period: partial('Jul–Dec') },

  foreign_arrivals: { slug: 'foreign_arrivals' },
  'foreign_arrivals (MoCT)': { slug: 'foreign_arrivals', note: 'Ministry of Culture and Tourism.', preference: 0 },
  'foreign_arrivals (border entries, DGMM)': { slug: 'foreign_arrivals', note: 'Border entries, Directorate General of Migration Management.', preference: 1 },
  'foreign_arrivals (Jan-Nov only)': { slug: 'foreign_arrivals', period: partial('Jan–Nov') },
  'foreign_arrivals (Jan-Jun only)': { slug: 'foreign_arrivals', period: partial('Jan–Jun'), preference: 0 },
  'foreign_arrivals (Jan-Jun only; conflicts with trend.az 253,500)': { slug: 'foreign_arrivals', period: partial('Jan–Jun'), status: 'DISPUTED', note: 'Conflicts with the trend.az figure of 253,500.', preference: 1 },
  'foreign_arrivals (approx., per FM Cavusoglu)': { slug: 'foreign_arrivals', status: 'APPROXIMATE', note: 'Per FM Cavusoglu; the source says "this year" in a 2020 article.' },
  "foreign_arrivals (approx. 'about a million', per FM Cavusoglu)": { slug: 'foreign_arrivals', status: 'APPROXIMATE', note: '"About a million", per FM Cavusoglu; the source says "this year" in a 2020 article.' },
  foreign_visitors_total: { slug: 'foreign_visitors_total' },
  "foreign_visitors_total (lower bound 'more than')": { slug: 'foreign_visitors_total', status: 'LOWER_BOUND' },
  'visitors_total (as reported; see NOTES)': { slug: 'visitors_total_incl_citizens_abroad' },

  exports: { slug: 'exports' },
  'exports (TIM)': { slug: 'exports', note: 'TIM.' },
  'exports (TurkStat)': { slug: 'exports', note: 'TurkStat.', preference: 0 },
  'exports (TurkStat via Anadolu)': { slug: 'exports', note: 'TurkStat via Anadolu.' },
  'exports (TIM, Sep-2023 report)': { slug: 'exports', note: 'TIM, September 2023 report.', preference: 0 },
  'exports (TIM, Jan-2023 report)': { slug: 'exports', note: 'TIM, January 2023 report.', preference: 1 },
  'exports (mirror: Russian imports from Turkey)': { slug: 'exports_mirror' },
  imports: { slug: 'imports' },
  'imports (TurkStat)': { slug: 'imports', note: 'TurkStat.' },
  'imports (TurkStat via Anadolu)': { slug: 'imports', note: 'TurkStat via Anadolu.' },
  'imports (TIM, Sep-2023 report)': { slug: 'imports', note: 'TIM, September 2023 report.' },
  'imports (Jan-Jun only)': { slug: 'imports', period: partial('Jan–Jun') },
  'imports (mirror: Russian exports to Turkey)': { slug: 'imports_mirror' },
  'import_share (Jan-Jun only)': { slug: 'import_share', period: partial('Jan–Jun') },
  'export_share (TIM)': { slug: 'export_share', note: 'TIM.' },
  trade_volume: { slug: 'trade_volume' },
  'trade_volume (Trade Minister Bolat)': { slug: 'trade_volume', note: 'Stated by Trade Minister Bolat.' },
  'trade_turnover (Turkish Trade Minister Bolat)': { slug: 'trade_volume', note: 'Stated by Trade Minister Bolat.' },
  'trade_volume (President Erdogan)': { slug: 'trade_volume', note: 'Stated by President Erdogan.' },
  'trade_volume (TurkStat via news agency)': { slug: 'trade_volume', note: 'TurkStat via a news agency.' },
  'trade_turnover (Russian ambassador Karlov)': { slug: 'trade_volume_partner_side', note: 'Stated by Russian ambassador Karlov.' },
  'trade_turnover (Russian-side data)': { slug: 'trade_volume_partner_side', note: 'Russian-side data.' },
  'trade_turnover (Russian Consul General Buravov)': { slug: 'trade_volume_partner_side', note: 'Stated by Russian Consul General Buravov.' },
  'trade_volume (German Foreign Ministry, EUR)': { slug: 'trade_volume_partner_side_eur', note: 'German Foreign Ministry.' },

  s400_contract_value: { slug: 's400_contract_value' },
  'f35_aircraft_ordered (of planned 100)': { slug: 'f35_aircraft_ordered' },
  'f35_payments_made (Erdogan claim)': { slug: 'f35_payments_claimed' },
  f16_sale_approved_value: { slug: 'f16_sale_value' },
  f16_new_aircraft_approved: { slug: 'f16_aircraft_approved' },
  f16_modernization_kits_approved: { slug: 'f16_modernisation_kits' },
  'tb2_drones_delivered_to_ukraine (export)': { slug: 'tb2_delivered_to_ukraine' },
  'tb2_drones_contracted_by_ukraine (export)': { slug: 'tb2_contracted_by_ukraine' },
  'tb2_drones_in_ukraine_inventory (stated Sep 2021)': { slug: 'tb2_in_ukraine_inventory', period: partial('as of Sep') },
  'sipri_arms_exports_increase_2014-2018_vs_2009-2013': { slug: 'sipri_arms_exports_change', period: window5('2014–2018 vs 2009–2013') },
  'sipri_arms_imports_decrease_2015-2019_vs_2010-2014': { slug: 'sipri_arms_imports_change', period: window5('2015–2019 vs 2010–2014') },
  'sipri_share_global_arms_imports_2016-2020': { slug: 'sipri_share_global_arms_imports', period: window5('2016–2020') },
  'sipri_share_global_arms_exports_2015-2019': { slug: 'sipri_share_global_arms_exports', period: window5('2015–2019') },
  'sipri_share_global_arms_exports_2016-2020': { slug: 'sipri_share_global_arms_exports', period: window5('2016–2020') },
  'sipri_share_global_arms_exports_2018-2022': { slug: 'sipri_share_global_arms_exports', period: window5('2018–2022') },
  'sipri_share_global_arms_exports_2020-2024': { slug: 'sipri_share_global_arms_exports', period: window5('2020–2024') },
  'rank_among_us_arms_recipients_2013-2017': { slug: 'us_arms_recipient_rank', period: window5('2013–2017') },
  'rank_among_us_arms_recipients_2018-2022': { slug: 'us_arms_recipient_rank', period: window5('2018–2022') },
  'sipri_supplier_share_of_turkish_arms_imports_2020-2024': { slug: 'sipri_supplier_share', period: window5('2020–2024') },
};

export const DEFAULT_PERIOD = YEAR;

/** The founding article has no URL in the research files; its excerpts are read verbatim from the text at seed time. */
export const FOUNDING_ARTICLE = {
  publisher: 'BVZat',
  gasShare: { pattern: /In 2020, nearly 34% of Turkey.s gas imports came from there\./, value: 34 },
  sanctions: { pattern: /Turkey is also not participating in Western sanctions against Russia[^.]*\./, stance: 'not_joining' },
  // "a 2022 news report on an Erdogan–Putin meeting" (research/NOTES.md)
  year: 2022,
};

/** Events that span a period: the research gives their end as a separate dated event. */
export const EVENT_ENDS: Record<string, string> = {
  'Black Sea Grain Initiative signed in Istanbul': '2023-07-17',
};
