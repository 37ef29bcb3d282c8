import type { Actor, DimensionRow } from './types';
import { escapeMarkup as esc } from '../markup';

/**
 * The view forms' fields as HTML markup (see static-markup.ts for why): plain GET forms whose state lives in the URL,
 * so nothing in them needs React on the client. `selected` and `checked` carry the current view, as React's
 * defaultValue and defaultChecked did.
 */

type Option = { value: string; label: string };

function selectHtml(attrs: { id?: string; name: string }, options: Option[], selected: string): string {
  const id = attrs.id ? ` id="${esc(attrs.id)}"` : '';
  const items = options.map((o) => `<option value="${esc(o.value)}"${o.value === selected ? ' selected' : ''}>${esc(o.label)}</option>`);
  return `<select${id} name="${esc(attrs.name)}">${items.join('')}</select>`;
}

/** The countries that report figures, and the current one even when it reports none (so the form keeps it). */
export function focalSelectHtml(id: string, countries: Pick<Actor, 'code' | 'name'>[], value: string): string {
  const options = countries.some((c) => c.code === value) ? countries : [...countries, { code: value, name: value }];
  return `<label for="${esc(id)}">Focal country</label> ${selectHtml({ id, name: 'focal' }, options.map((c) => ({ value: c.code, label: c.name })), value)}`;
}

/** A labelled year drop-down ("" = no bound, shown as `none`). */
export function yearSelectHtml(o: { id: string; name: string; label: string; years: number[]; value?: number; none: string }): string {
  const options = [{ value: '', label: o.none }, ...o.years.map((y) => ({ value: String(y), label: String(y) }))];
  return `<label for="${esc(o.id)}">${esc(o.label)}</label> ${selectHtml({ id: o.id, name: o.name }, options, o.value === undefined ? '' : String(o.value))}`;
}

/** "Dimension": all, or one dimension by key. */
export function dimensionSelectHtml(dimensions: Pick<DimensionRow, 'key' | 'label'>[], value: string | undefined): string {
  const options = [{ value: '', label: 'all' }, ...dimensions.map((d) => ({ value: d.key, label: d.label }))];
  return `<label>Dimension ${selectHtml({ name: 'dimension' }, options, value ?? '')}</label>`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;

/** What a view's filter form holds: the fields it carries along, focal country, partners (when given) and years. */
export function viewFiltersInnerHtml(o: {
  hidden: [string, string][];
  countries: Pick<Actor, 'code' | 'name'>[];
  focal: string;
  partners?: Pick<Actor, 'code' | 'name'>[];
  chosen: string[];
  years: number[];
  from?: number;
  to?: number;
}): string {
  // The partner boxes (forty or so) fold under a summary of the current choice: a phone sees the charts first, and a
  // closed <details> is neither styled nor laid out until opened. Checked boxes inside it still submit.
  const chosenNames = o.partners ? o.partners.filter((p) => o.chosen.includes(p.code)).map((p) => p.name) : [];
  const partners = o.partners
    ? '<fieldset class="partners"><legend>Partners</legend><details class="partner-picker">' +
      `<summary>${chosenNames.length ? esc(chosenNames.join(', ')) : 'none chosen'} <span class="meta">(${chosenNames.length} of ${o.partners.length}; change)</span></summary>` +
      '<div class="checks">' +
      o.partners
        .map((p) => `<label><input type="checkbox" name="partner" value="${esc(p.code)}"${o.chosen.includes(p.code) ? ' checked' : ''}> ${esc(p.name)}</label>`)
        .join('') +
      '</div></details></fieldset>'
    : '';
  return (
    o.hidden.map(([name, value]) => hidden(name, value)).join('') +
    `<div class="focal">${focalSelectHtml('filter-focal', o.countries, o.focal)} </div>` +
    partners +
    '<fieldset class="years"><legend>Years</legend>' +
    `${yearSelectHtml({ id: 'filter-from', name: 'from', label: 'From', years: o.years, value: o.from, none: 'earliest' })} ` +
    `${yearSelectHtml({ id: 'filter-to', name: 'to', label: 'to', years: o.years, value: o.to, none: 'latest' })} ` +
    '</fieldset><button type="submit">Apply</button>'
  );
}
