import 'server-only';
import { indicatorChart, panelIndicator, type IndicatorChart } from '../dashboard/chart-data';
import { figureSources, TIER_LABEL } from '../dashboard/format';
import { headlineText, scoreLine, trendText, zeroLines } from '../dashboard/matrix-text';
import { matrixCell, type MatrixCell } from '../dashboard/shape';
import type { Actor, SourceRef } from '../dashboard/types';
import { compareExportSpec, indicatorExportSpec } from '../export/from-chart';
import type { ExportSpec } from '../export/spec';
import { parseView, viewQuery, type SearchParams, type ViewState } from '../schemas/view';
import { FORMULA, scoreBand } from '../scoring/score';
import { groupMembers, resolveView, scoringData, type ResolvedView } from '../queries/dashboard';
import { getCatalogue, getDataVersion, getEvents } from '../queries/data';
import type { Briefing, BriefingCell, BriefingSource, BriefingView } from './types';

/**
 * A valid view: its normal path (what the file depends on, with the data version) and how to build its briefing.
 * Building reads and scores the figures, so it is left to the caller, which needs none of it to answer 304 or to serve
 * a file it has built before.
 */
export type BriefingLookup = { ok: true; viewPath: string; fileStem: string; build: () => Promise<Briefing> } | { ok: false; status: 400 | 404; message: string };

/** Numbers sources in the order figures first cite them; each source once. */
class SourceList {
  private readonly byId = new Map<number, BriefingSource>();
  cite(sources: SourceRef[]): number[] {
    return [...new Set(sources.map((s) => this.number(s)))].sort((a, b) => a - b);
  }
  private number(s: SourceRef): number {
    const known = this.byId.get(s.id);
    if (known) return known.n;
    const entry: BriefingSource = { n: this.byId.size + 1, title: s.title, publisher: s.publisher, tier: s.tier ? TIER_LABEL[s.tier] : 'tier not rated', url: s.url, excerpt: s.excerpt };
    this.byId.set(s.id, entry);
    return entry.n;
  }
  get all(): BriefingSource[] {
    return [...this.byId.values()];
  }
}

const STATE_COLOURS = { zero: { fill: '#ffffff', ink: '#1b1f24' }, na: { fill: '#eef1f4', ink: '#1b1f24' }, none: { fill: '#f6f8fa', ink: '#57606a' } } as const;

function cellOf(cell: MatrixCell, sources: SourceList): BriefingCell {
  const headline = headlineText(cell);
  if (headline && cell.latest?.score != null) {
    const band = scoreBand(cell.latest.score);
    const used = cell.latest.inputs.filter((i) => i.figure && cell.latest!.components.some((k) => k.slug === i.slug)).flatMap((i) => figureSources(i.figure!).map((c) => c.source));
    return { state: 'score', score: cell.latest.score, fill: band.colour, ink: band.text, lines: [headline.figure, headline.line, scoreLine(cell), trendText(cell)], sources: sources.cite(used) };
  }
  if (cell.state === 'zero') {
    const source = cell.zero?.listing.source;
    return { state: 'zero', score: 0, ...STATE_COLOURS.zero, lines: ['0 · sourced zero', ...zeroLines(cell)], sources: source ? sources.cite([source]) : [] };
  }
  if (cell.state === 'na') return { state: 'na', score: null, ...STATE_COLOURS.na, lines: ['Not applicable', cell.reason ?? ''], sources: [] };
  return { state: 'none', score: null, ...STATE_COLOURS.none, lines: ['No data'], sources: [] };
}

const joinNames = (names: string[]) => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'its partners'));

/**
 * The briefing of one view — overview, dimension, partner or compare — with the view's own query: the same
 * partners, years, weights and source filter as the page, the same figures and the same charts.
 */
export async function lookupBriefing(target: BriefingView, params: SearchParams, origin: string): Promise<BriefingLookup> {
  const { state: parsed, errors } = parseView(params);
  if (errors.length > 0) return { ok: false, status: 400, message: errors.join('; ') };
  const catalogue = await getCatalogue();
  if (!catalogue.actors.some((a) => a.code === parsed.focal && a.kind !== 'AGGREGATE')) return { ok: false, status: 400, message: `No focal country with code ${parsed.focal}` };
  let state: ViewState = parsed;
  let viewPath = `/${viewQuery(parsed)}`;
  let partnerActor: Actor | undefined;
  const dimension = target.kind === 'dimension' ? catalogue.dimensions.find((d) => d.key === target.key) : undefined;
  if (target.kind === 'dimension') {
    if (!dimension) return { ok: false, status: 404, message: `No dimension named ${target.key}` };
    viewPath = `/dimensions/${dimension.key}${viewQuery(parsed)}`;
  } else if (target.kind === 'partner') {
    partnerActor = catalogue.actors.find((a) => a.code === target.code.toUpperCase() && a.kind !== 'AGGREGATE');
    if (!partnerActor || partnerActor.code === parsed.focal) return { ok: false, status: 404, message: `No partner with code ${target.code}` };
    state = { ...parsed, partners: [partnerActor.code] };
    viewPath = `/partners/${partnerActor.code}${viewQuery(parsed)}`;
  } else if (target.kind === 'compare') {
    viewPath = `/compare${viewQuery(parsed)}`;
  }
  const view = await resolveView(state);
  if (view.notices.length > 0) return { ok: false, status: 400, message: view.notices.join(' ') };
  if (view.partners.length === 0) return { ok: false, status: 400, message: 'Choose at least one partner' };
  const slug = target.kind === 'dimension' ? `dimension-${target.key}` : target.kind === 'partner' ? `partner-${partnerActor!.code}` : target.kind;
  const fileStem = `briefing-${slug}-${view.focal.code}-${view.partners.map((p) => p.code).join('_')}-${state.from ?? 'all'}-${state.to ?? 'all'}`;
  const build = () => buildBriefing({ target, state, view, viewPath, fileStem, origin, dimensionLabel: dimension?.label, partnerActor });
  return { ok: true, viewPath, fileStem, build };
}

async function buildBriefing({
  target,
  state,
  view,
  viewPath,
  fileStem,
  origin,
  dimensionLabel,
  partnerActor,
}: {
  target: BriefingView;
  state: ViewState;
  view: ResolvedView;
  viewPath: string;
  fileStem: string;
  origin: string;
  dimensionLabel: string | undefined;
  partnerActor: Actor | undefined;
}): Promise<Briefing> {
  const { focal, partners, catalogue } = view;
  const [{ observations, catalogue: scored, index }, events, version] = await Promise.all([scoringData(view, state), getEvents({ reporter: focal.code }), getDataVersion()]);
  const asOf = version.changedAt.slice(0, 10);
  const sources = new SourceList();

  // The matrix: the view's partners (and a group's members when the view shows them), every dimension.
  // The same call the overview's matrix makes; each cell scored once (the charts ask for the headline cells again).
  const scoredCells = new Map<string, MatrixCell>();
  const cellAt = (dim: string, code: string): MatrixCell => {
    const key = `${dim}|${code}`;
    let cell = scoredCells.get(key);
    if (!cell) scoredCells.set(key, (cell = matrixCell(observations, scored, dim, code, focal.code, { weights: state.weights, from: state.from, to: state.to, index })));
    return cell;
  };
  const cellsFor = (code: string) => catalogue.dimensions.map((d) => cellOf(cellAt(d.key, code), sources));
  const rows: Briefing['matrix']['rows'] = [];
  for (const partner of partners) {
    rows.push({ partner: partner.name, memberOf: null, cells: cellsFor(partner.code) });
    if (partner.kind === 'GROUP' && state.members) {
      for (const member of groupMembers(catalogue, partner.code, focal.code)) {
        const actor = catalogue.actors.find((a) => a.code === member);
        if (actor && !partners.includes(actor)) rows.push({ partner: actor.name, memberOf: partner.name, cells: cellsFor(actor.code) });
      }
    }
  }

  // The charts the view draws.
  const codes = partners.map((p) => p.code);
  const context = (dim: string) => ({ focalCode: focal.code, focalName: focal.name, asOf, viewPath: `/dimensions/${dim}${viewQuery(state)}` });
  const draw = (chart: IndicatorChart | null) => (chart ? indicatorExportSpec(chart, context(chart.indicator.dimension)) : null);
  const eventsOf = (dim: string) => events.filter((e) => e.dimension === dim);
  let specs: (ExportSpec | null)[] = [];
  if (target.kind === 'dimension') {
    specs = catalogue.indicators
      .filter((i) => i.dimension === target.key && i.valueKind !== 'STANCE')
      .map((i) => draw(indicatorChart(scored, observations, i, codes, focal.code, { from: state.from, to: state.to, events: eventsOf(i.dimension) })));
  } else if (target.kind === 'compare') {
    specs = [compareExportSpec(scored, observations, view, state, asOf)];
  } else {
    // Overview and partner: one chart per dimension, its headline input (the partner page's small multiples).
    specs = catalogue.dimensions.map((d) => {
      const indicator = panelIndicator(catalogue, d.key, partners.map((p) => cellAt(d.key, p.code).headline?.indicator).find(Boolean));
      return indicator ? draw(indicatorChart(scored, observations, indicator, codes, focal.code, { from: state.from, to: state.to, events: eventsOf(d.key) })) : null;
    });
  }
  const charts = specs.filter((s): s is ExportSpec => s !== null).map((spec) => ({ spec, sources: sources.cite(spec.sourceRefs ?? []) }));

  const weights = catalogue.indicators
    .filter((i) => i.valueKind !== 'STANCE' && (i.weight > 0 || state.weights[i.slug] !== undefined))
    .map((i) => ({
      dimension: catalogue.dimensions.find((d) => d.key === i.dimension)?.label ?? i.dimension,
      indicator: i.name,
      weight: state.weights[i.slug] ?? i.weight,
      changed: state.weights[i.slug] !== undefined && state.weights[i.slug] !== i.weight,
    }));
  const names = partners.map((p) => p.name);
  const years = `${state.from ?? 'earliest'}–${state.to ?? 'latest'}`;
  const viewLabel =
    target.kind === 'overview' ? 'Overview' : target.kind === 'compare' ? 'Compare partners' : target.kind === 'dimension' ? `Dimension: ${dimensionLabel}` : `Partner: ${partnerActor!.name}`;
  const title =
    target.kind === 'dimension'
      ? `${dimensionLabel}: ${focal.name} and ${joinNames(names)}`
      : target.kind === 'partner'
        ? `${focal.name} and ${partnerActor!.name}: one relationship across all dimensions`
        : target.kind === 'compare'
          ? `${focal.name}: ${joinNames(names)} compared`
          : `${focal.name}'s dependence on ${joinNames(names)}`;
  return {
    title,
    viewLabel,
    focal: { code: focal.code, name: focal.name },
    partners: partners.map((p) => ({ code: p.code, name: p.name })),
    years,
    asOf,
    permalink: `${origin}${viewPath}`,
    matrix: { dimensions: catalogue.dimensions.map((d) => d.label), rows },
    charts,
    formula: FORMULA,
    weights,
    sources: sources.all,
    fileStem,
  };
}
