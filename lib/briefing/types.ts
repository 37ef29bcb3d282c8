/** A briefing pack as plain data: built from the database once, then laid out as a PDF or a deck in a render process. */
import type { ExportSpec } from '../export/spec';

export const BRIEFING_VIEWS = ['overview', 'dimension', 'partner', 'compare'] as const;
export type BriefingViewKind = (typeof BRIEFING_VIEWS)[number];
export type BriefingView = { kind: 'overview' } | { kind: 'compare' } | { kind: 'dimension'; key: string } | { kind: 'partner'; code: string };

export const BRIEFING_FORMATS = ['pdf', 'pptx'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];
export const PAPER_SIZES = ['a4', 'letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** One numbered entry of the source list; every figure refers to entries by number. */
export type BriefingSource = { n: number; title: string; publisher: string; tier: string; url: string | null; excerpt: string };

/** A matrix cell in one of the four states, with the words and colour the overview shows. */
export type BriefingCell = {
  state: 'score' | 'zero' | 'na' | 'none';
  /** score 0–100 (state "score") */
  score: number | null;
  /** background and text colour of the score band, or of the state */
  fill: string;
  ink: string;
  lines: string[];
  /** numbers in the source list behind the cell's figure */
  sources: number[];
};

export type BriefingChart = {
  spec: ExportSpec;
  /** numbers in the source list of the figures drawn */
  sources: number[];
};

export type Briefing = {
  title: string;
  /** "Overview", "Dimension: Natural gas", … */
  viewLabel: string;
  focal: { code: string; name: string };
  partners: { code: string; name: string }[];
  years: string;
  asOf: string;
  /** absolute URL of the view the briefing was made from */
  permalink: string;
  matrix: { dimensions: string[]; rows: { partner: string; memberOf: string | null; cells: BriefingCell[] }[] };
  charts: BriefingChart[];
  formula: string;
  weights: { dimension: string; indicator: string; weight: number; changed: boolean }[];
  sources: BriefingSource[];
  /** file name without extension, e.g. briefing-overview-TUR-RUS_UKR_NATO-2015-2024 */
  fileStem: string;
};
