import { z } from 'zod';

/** Everything a view shows is decided by its URL; this is the one place that reads and writes it. */

export const DEFAULT_FOCAL = 'TUR';
export const DEFAULT_PARTNERS = ['RUS', 'UKR', 'NATO'];
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

const code = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/, 'a code is 2–10 capital letters or digits, e.g. RUS or NATO');
const year = z.coerce.number().int('a year is a whole number').min(MIN_YEAR).max(MAX_YEAR);
const slug = z.string().regex(/^[a-z0-9_]{1,80}$/);

export const viewSchema = z
  .object({
    focal: code.default(DEFAULT_FOCAL),
    partners: z.array(code).min(1).max(12).default(DEFAULT_PARTNERS),
    from: year.optional(),
    to: year.optional(),
    weights: z.record(slug, z.number().min(0).max(100)).default({}),
    members: z.boolean().default(false),
    /** "official": score and draw only figures from official and international-organisation sources. */
    quality: z.enum(['all', 'official']).default('all'),
  })
  .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, { message: '"from" must not be after "to"', path: ['from'] });

export type ViewState = z.infer<typeof viewSchema>;
export type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function splitList(value: string | undefined): string[] | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  return [...new Set(value.split(',').map((part) => part.trim().toUpperCase()).filter(Boolean))];
}

function parseWeights(value: string | undefined): Record<string, number> | string {
  if (!value) return {};
  const out: Record<string, number> = {};
  for (const pair of value.split(',')) {
    const [key, raw] = pair.split(':');
    const weight = Number(raw);
    if (!key || raw === undefined || raw.trim() === '' || !Number.isFinite(weight)) return `weight "${pair}" is not slug:number`;
    out[key] = weight;
  }
  return out;
}

export type ParsedView = { state: ViewState; errors: string[] };

/** Reads a view from search params. Invalid parts are reported and replaced by their defaults, never half-applied. */
export function parseView(params: SearchParams): ParsedView {
  // The weights form submits one field per indicator (w.<slug>); links carry them as w=slug:n,…
  const fields = Object.entries(params)
    .filter(([key, value]) => key.startsWith('w.') && first(value)?.trim())
    .map(([key, value]) => `${key.slice(2)}:${first(value)?.trim()}`);
  const weights = parseWeights([first(params.w), ...fields].filter(Boolean).join(','));
  const raw = {
    focal: first(params.focal)?.toUpperCase() || undefined,
    // `partners=RUS,UKR` in links; `partner=RUS&partner=UKR` from the filter form's checkboxes
    partners: splitList(first(params.partners)) ?? splitList([params.partner ?? []].flat().join(',')),
    from: first(params.from) || undefined,
    to: first(params.to) || undefined,
    weights: typeof weights === 'string' ? {} : weights,
    members: first(params.members) === '1',
    quality: first(params.sources) === 'official' ? ('official' as const) : ('all' as const),
  };
  const errors: string[] = typeof weights === 'string' ? [weights] : [];
  const parsed = viewSchema.safeParse(raw);
  if (parsed.success) return { state: parsed.data, errors };
  const state = { ...raw } as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    errors.push(`${field || 'view'}: ${issue.message}`);
    if (field) delete state[field];
    if (field === 'from' || field === 'to') {
      delete state.from;
      delete state.to;
    }
  }
  const fallback = viewSchema.safeParse(state);
  return { state: fallback.success ? fallback.data : viewSchema.parse({}), errors };
}

/** The query string for a view, leaving out defaults so links stay short; `overrides` change single fields. */
export function viewQuery(state: ViewState, overrides: Partial<ViewState> = {}): string {
  const v = { ...state, ...overrides };
  const params = new URLSearchParams();
  if (v.focal !== DEFAULT_FOCAL) params.set('focal', v.focal);
  if (v.partners.join(',') !== DEFAULT_PARTNERS.join(',')) params.set('partners', v.partners.join(','));
  if (v.from !== undefined) params.set('from', String(v.from));
  if (v.to !== undefined) params.set('to', String(v.to));
  const weights = Object.entries(v.weights).sort(([a], [b]) => a.localeCompare(b));
  if (weights.length > 0) params.set('w', weights.map(([k, w]) => `${k}:${w}`).join(','));
  if (v.members) params.set('members', '1');
  if (v.quality === 'official') params.set('sources', 'official');
  const query = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
  return query ? `?${query}` : '';
}
