import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { dimensionSelectHtml, focalSelectHtml, viewFiltersInnerHtml, yearSelectHtml } from './form-markup';

const form = (inner: string) => parseHTML(`<!doctype html><html><body><form>${inner}</form></body></html>`).document.querySelector('form')!;
const chosen = (select: Element) => [...select.querySelectorAll('option')].filter((o) => o.hasAttribute('selected')).map((o) => o.getAttribute('value'));

describe('form markup', () => {
  const countries = [{ code: 'TUR', name: 'Turkey' }, { code: 'HUN', name: 'Hungary' }];

  it('marks the current focal country, and keeps one that reports nothing', () => {
    const f = form(focalSelectHtml('f', countries, 'HUN'));
    expect(f.querySelector('label')?.getAttribute('for')).toBe('f');
    expect(f.querySelector('select')?.getAttribute('name')).toBe('focal');
    expect(chosen(f.querySelector('select')!)).toEqual(['HUN']);
    const kept = form(focalSelectHtml('f', countries, 'POL')).querySelector('select')!;
    expect([...kept.querySelectorAll('option')].map((o) => o.getAttribute('value'))).toEqual(['TUR', 'HUN', 'POL']);
    expect(chosen(kept)).toEqual(['POL']);
  });

  it('offers "no bound" first and selects it when no year is set', () => {
    const open = form(yearSelectHtml({ id: 'y', name: 'from', label: 'From', years: [2020, 2021], none: 'earliest' })).querySelector('select')!;
    expect([...open.querySelectorAll('option')].map((o) => [o.getAttribute('value'), o.textContent])).toEqual([['', 'earliest'], ['2020', '2020'], ['2021', '2021']]);
    expect(chosen(open)).toEqual(['']);
    expect(chosen(form(yearSelectHtml({ id: 'y', name: 'to', label: 'to', years: [2020, 2021], value: 2021, none: 'latest' })).querySelector('select')!)).toEqual(['2021']);
    expect(chosen(form(dimensionSelectHtml([{ key: 'gas', label: 'Gas' }], 'gas')).querySelector('select')!)).toEqual(['gas']);
  });

  it('carries the view: hidden fields escaped, chosen partners checked, years selected', () => {
    const f = form(
      viewFiltersInnerHtml({
        hidden: [['w', 'gas:2,oil:1'], ['partners', '"><script>x</script>']],
        countries,
        focal: 'TUR',
        partners: [{ code: 'RUS', name: 'Russia' }, { code: 'UKR', name: 'Ukraine & co' }],
        chosen: ['UKR'],
        years: [2019, 2020, 2021],
        from: 2020,
      }),
    );
    expect([...f.querySelectorAll('input[type="hidden"]')].map((i) => [i.getAttribute('name'), i.getAttribute('value')])).toEqual([['w', 'gas:2,oil:1'], ['partners', '"><script>x</script>']]);
    expect(f.querySelector('script')).toBeNull();
    const boxes = [...f.querySelectorAll('input[type="checkbox"]')];
    expect(boxes.map((b) => [b.getAttribute('value'), b.hasAttribute('checked')])).toEqual([['RUS', false], ['UKR', true]]);
    expect(boxes[1]!.parentElement?.textContent).toBe(' Ukraine & co');
    // The boxes fold under a summary of the choice, closed, inside the form (so they submit).
    const picker = f.querySelector('fieldset.partners details.partner-picker')!;
    expect(picker.hasAttribute('open')).toBe(false);
    expect(picker.querySelector('summary')?.textContent).toBe('Ukraine & co (1 of 2; change)');
    expect(picker.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
    expect(chosen(f.querySelector('#filter-from')!)).toEqual(['2020']);
    expect(chosen(f.querySelector('#filter-to')!)).toEqual(['']);
    expect(f.querySelector('button[type="submit"]')?.textContent).toBe('Apply');
    expect(form(viewFiltersInnerHtml({ hidden: [], countries, focal: 'TUR', chosen: [], years: [2020] })).querySelector('fieldset legend')?.textContent).toBe('Years');
  });
});
