import 'server-only';
import { notFound } from 'next/navigation';
import { WORLD } from '../dashboard/shape';
import type { Actor, Catalogue } from '../dashboard/types';
import type { ViewState } from '../schemas/view';
import { getCatalogue, getPartnerCodes } from './data';

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
export async function resolveView(state: ViewState, extraPartners: string[] = []): Promise<ResolvedView> {
  const catalogue = await getCatalogue();
  const focal = catalogue.actors.find((a) => a.code === state.focal && a.kind !== 'AGGREGATE');
  if (!focal) notFound();
  const notices: string[] = [];
  const partners: Actor[] = [];
  for (const code of [...state.partners, ...extraPartners]) {
    const actor = catalogue.actors.find((a) => a.code === code);
    if (!actor || actor.kind === 'AGGREGATE' || actor.code === focal.code) notices.push(`No partner with code ${code}: left out.`);
    else if (!partners.includes(actor)) partners.push(actor);
  }
  const fetchCodes = new Set<string>([WORLD]);
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
