import 'server-only';
import { notFound } from 'next/navigation';
import { WORLD, annualIndex, inRange, officialShare, withQuality } from '../dashboard/shape';
import type { Actor, Catalogue, ObservationRow } from '../dashboard/types';
import type { ViewState } from '../schemas/view';
import { getCatalogue, getObservations, getPartnerCodes } from './data';

/** Actors the sanctions-stance inputs are read from whoever the partner is (lib/scoring/stance.ts). */
const AXIS_CODES = ['RUS', 'USA', 'EUU'];

export type ResolvedView = {
  catalogue: Catalogue;
  focal: Actor;
  /** Partners to show, in order, known to the catalogue. */
  partners: Actor[];
  /** Codes to read observations for: partners, their groups' members, and WORLD for totals. */
  fetchCodes: string[];
  notices: string[];
};

export function groupMembers(catalogue: Catalogue, group: string, focal: string): string[] {
  return [...new Set(catalogue.memberships.filter((m) => m.group === group && m.member !== focal).map((m) => m.member))];
}

/** Checks the view against the data: an unknown focal country is a 404; unknown partners are dropped with a notice. */
export async function resolveView(state: ViewState, extraPartners: string[] = [], options: { totals?: boolean } = {}): Promise<ResolvedView> {
  const catalogue = await getCatalogue();
  const focal = catalogue.actors.find((a) => a.code === state.focal && a.kind !== 'AGGREGATE');
  if (!focal) notFound();
  const notices: string[] = [];
  const partners: Actor[] = [];
  for (const code of [...state.partners, ...extraPartners]) {
    const actor = catalogue.actors.find((a) => a.code === code);
    // Totals (WORLD) are drawn on charts when asked for, never scored as a partner.
    if (!actor || (actor.kind === 'AGGREGATE' && !options.totals) || actor.code === focal.code) notices.push(`No partner with code ${code}: left out.`);
    else if (!partners.includes(actor)) partners.push(actor);
  }
  const fetchCodes = new Set<string>([WORLD, ...AXIS_CODES.filter((c) => c !== focal.code)]);
  for (const p of partners) {
    fetchCodes.add(p.code);
    if (p.kind === 'GROUP') for (const m of groupMembers(catalogue, p.code, focal.code)) fetchCodes.add(m);
  }
  return { catalogue, focal, partners, fetchCodes: [...fetchCodes], notices };
}

/** Countries and groups that can be chosen as partners: those with figures, groups with members that have some, and any already chosen. */
export async function choosablePartners(catalogue: Catalogue, focal: string, chosen: string[] = []): Promise<Actor[]> {
  const withData = new Set([...(await getPartnerCodes(focal)), ...chosen]);
  return catalogue.actors.filter(
    (a) =>
      a.kind !== 'AGGREGATE' &&
      a.code !== focal &&
      (withData.has(a.code) || (a.kind === 'GROUP' && groupMembers(catalogue, a.code, focal).some((m) => withData.has(m)))),
  );
}

export type ScoringData = {
  observations: ObservationRow[];
  catalogue: Catalogue;
  index: Map<string, ObservationRow>;
  /** of the view's figures (its partners and years, all sources): how many official or international sources back */
  share: { official: number; total: number };
};

/**
 * The figures a view scores and draws: read for its partners, members, totals and the stance axis, kept to
 * official sources when the view asks, with the index of annual points (and five-year windows) the scores use.
 */
export async function scoringData(view: ResolvedView, state: ViewState, dimension: string | null = null): Promise<ScoringData> {
  const all = await getObservations(view.focal.code, view.fetchCodes, dimension);
  const { observations, catalogue } = withQuality(all, view.catalogue, state.quality);
  const shown = new Set(view.partners.flatMap((p) => [p.code, ...(p.kind === 'GROUP' ? groupMembers(view.catalogue, p.code, view.focal.code) : [])]));
  const share = officialShare(all.filter((o) => shown.has(o.partner) && inRange(o.year, state.from, state.to)));
  return { observations, catalogue, index: annualIndex(observations, { windows: true }), share };
}
