import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { briefingLinksHtml, briefingUrl, chartUrl, exportLinksHtml } from './links';

const links = (html: string) => [...parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`).document.querySelectorAll('p a')];

describe('export links', () => {
  it('links PNG, SVG and CSV of the view with a file name each', () => {
    const found = links(exportLinksHtml('gas_import_share', 'gas_import_share-TUR-RUS_NATO-2015-2024', 'partners=RUS,NATO&from=2015&to=2024'));
    expect(found.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('download')])).toEqual([
      ['PNG', '/api/charts/gas_import_share.png?partners=RUS,NATO&from=2015&to=2024', 'gas_import_share-TUR-RUS_NATO-2015-2024.png'],
      ['SVG', '/api/charts/gas_import_share.svg?partners=RUS,NATO&from=2015&to=2024', 'gas_import_share-TUR-RUS_NATO-2015-2024.svg'],
      ['CSV', '/api/charts/gas_import_share.csv?partners=RUS,NATO&from=2015&to=2024', 'gas_import_share-TUR-RUS_NATO-2015-2024.csv'],
    ]);
    expect(links(exportLinksHtml('x', 'x', ''))[0]?.getAttribute('href')).toBe('/api/charts/x.png');
  });

  it('escapes what it is given, so a query cannot break out of the attribute', () => {
    const found = links(exportLinksHtml('a"b', 'f"><script>x</script>', 'q="><img src=x>'));
    expect(found).toHaveLength(3);
    expect(found[0]?.getAttribute('href')).toBe('/api/charts/a%22b.png?q="><img src=x>');
    expect(found[0]?.getAttribute('download')).toBe('f"><script>x</script>.png');
    expect(parseHTML(`<p>${exportLinksHtml('a"b', 'f"><script>x</script>', 'q="><img src=x>')}</p>`).document.querySelectorAll('script, img')).toHaveLength(0);
  });

  it("links the briefing of a view, PDF and PowerPoint, with the view's query", () => {
    const found = links(briefingLinksHtml('dimensions/gas', 'partners=RUS&from=2015'));
    expect(found.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['PDF (A4)', '/api/briefings/dimensions/gas.pdf?partners=RUS&from=2015'],
      ['PowerPoint', '/api/briefings/dimensions/gas.pptx?partners=RUS&from=2015'],
    ]);
    expect(links(briefingLinksHtml('overview', ''))[1]?.getAttribute('href')).toBe('/api/briefings/overview.pptx');
  });

  it('writes chart and briefing URLs in one shape, with or without a query', () => {
    expect(chartUrl('gas_import_share', 'json', 'partners=RUS')).toBe('/api/charts/gas_import_share.json?partners=RUS');
    expect(chartUrl('compare', 'png', '')).toBe('/api/charts/compare.png');
    expect(briefingUrl('partners/RUS', 'pdf', 'paper=letter')).toBe('/api/briefings/partners/RUS.pdf?paper=letter');
    expect(briefingUrl('overview', 'pptx', '')).toBe('/api/briefings/overview.pptx');
  });
});
