import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { chartCaptionHtml, chartEventItemsHtml, eventItemsHtml, safeHref, sourceInnerHtml } from './static-markup';
import type { EventRow, SourceRef } from './types';

const source = (over: Partial<SourceRef> = {}): SourceRef => ({
  id: 1, title: 'Gas <flows> & "prices"', publisher: 'BOTAŞ', url: 'https://example.org/a?b=1&c=2', excerpt: 'imports rose to 58.7 bcm', tier: 'OFFICIAL', ...over,
});
const event = (over: Partial<EventRow> = {}): EventRow => ({
  id: 1, date: '2022-07-22', endDate: null, precision: 'day', title: 'Black Sea Grain Initiative <signed>', description: 'In Istanbul.',
  partner: 'UKR', partnerName: 'Ukraine', dimension: 'grain', dimensionLabel: 'Grain', source: source(), ...over,
});
const parse = (tag: string, inner: string) => parseHTML(`<!doctype html><html><body><${tag}>${inner}</${tag}></body></html>`).document.querySelector(tag)!;

describe('static markup', () => {
  it('links only http(s) addresses', () => {
    expect(safeHref('https://example.org/x')).toBe('https://example.org/x');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'vbscript:x', '/relative', 'not a url', '', null]) {
      expect(safeHref(bad)).toBeNull();
    }
    const node = parse('span', sourceInnerHtml(source({ url: 'javascript:alert(1)' })));
    expect(node.querySelector('a')).toBeNull();
    expect(node.querySelector('cite')?.textContent).toBe('Gas <flows> & "prices"');
  });

  it('escapes every text and attribute, so the markup reads back as the data', () => {
    const node = parse('span', sourceInnerHtml(source(), true));
    const a = node.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://example.org/a?b=1&c=2');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a.textContent).toBe('Gas <flows> & "prices"');
    expect(node.querySelector('.source-quality')?.getAttribute('data-tier')).toBe('OFFICIAL');
    expect(node.querySelector('.source-quality')?.textContent).toMatch(/^ \(BOTAŞ · .+\)$/);
    expect(node.querySelector('q.excerpt')?.textContent).toBe('imports rose to 58.7 bcm');
    expect(parse('span', sourceInnerHtml(source())).querySelector('q')).toBeNull();
    expect(parse('span', sourceInnerHtml(source({ tier: null }))).querySelector('.source-quality')?.getAttribute('data-tier')).toBe('unrated');
  });

  it('writes an event list as the page showed it: dates, title, description unless brief, context and source', () => {
    const events = [event(), event({ id: 2, date: '2023-05-01', endDate: '2023-07-17', precision: 'month', description: '', partnerName: null, dimensionLabel: null })];
    const list = parse('ol', eventItemsHtml(events, false));
    const items = list.querySelectorAll(':scope > li');
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('time')?.getAttribute('datetime')).toBe('2022-07-22');
    expect(items[0]!.querySelector('.event-title')?.textContent).toBe('Black Sea Grain Initiative <signed>');
    expect(items[0]!.querySelector('.event-description')?.textContent).toBe('In Istanbul.');
    expect(items[0]!.querySelector('.meta')?.textContent).toMatch(/^Ukraine · Grain · Source: Gas <flows>/);
    const times = items[1]!.querySelectorAll('time');
    expect([...times].map((t) => t.getAttribute('datetime'))).toEqual(['2023-05-01', '2023-07-17']);
    expect(items[1]!.textContent).toContain(' – ');
    expect(items[1]!.querySelector('.meta')?.textContent).toMatch(/^Source: /);
    expect(parse('ol', eventItemsHtml(events, true)).querySelector('.event-description')).toBeNull();
  });

  it('writes a chart key and caption', () => {
    const key = parse('ol', chartEventItemsHtml([
      { n: 1, title: 'TurkStream <opens>', at: 2020, until: null, date: '2020-01-08' },
      { n: 2, title: 'Ranged', at: 2021, until: 2022, date: '2021-03-01' },
    ]));
    expect([...key.querySelectorAll('li')].map((li) => li.textContent)).toEqual([expect.stringMatching(/^1 .+: TurkStream <opens>$/), expect.stringMatching(/^2 .+ \(range shaded\): Ranged$/)]);
    const one = parse('figcaption', chartCaptionHtml({ sources: [source()] }));
    expect(one.textContent).toMatch(/^Source: Gas <flows> & "prices" \(BOTAŞ · .+\)\. Only whole-year primary figures are drawn;/);
    const two = parse('figcaption', chartCaptionHtml({ sources: [source(), source({ id: 2, title: 'Second', url: null })] }));
    expect(two.textContent).toMatch(/^Sources: .+; Second \(/);
    expect(two.querySelectorAll('span.source')).toHaveLength(2);
  });
});
