import type { IndicatorChart } from '../dashboard/chart-data';
import { formatValue, sourceQuality } from '../dashboard/format';
import { derivedText } from '../dashboard/shape';
import { escapeMarkup as esc } from '../markup';

/**
 * A chart's data table (every year and series drawn, a missing one as "No data (not zero)") as HTML markup. The page
 * puts it in with dangerouslySetInnerHTML: React then neither ships it as an element tree nor hydrates its hundreds of
 * cells, which are text only. Every text is escaped.
 */
export function dataTableHtml(chart: IndicatorChart): string {
  const rows: string[] = [];
  for (const row of chart.rows) {
    for (const series of chart.series) {
      const t = chart.table.find((x) => x.year === row.year && x.partner === series.key);
      if (!t) {
        rows.push(`<tr class="missing"><td>${row.year}</td><th scope="row">${esc(series.name)}</th><td class="num">–</td><td>No data (not zero)</td></tr>`);
        continue;
      }
      const p = t.figure.provenance;
      const how =
        p.kind === 'derived'
          ? `${derivedText(p)}${p.membersWithoutData.length ? `; no data: ${p.membersWithoutData.join(', ')}` : ''}`
          : p.kind === 'zero'
            ? `Sourced zero: ${p.listing.source.title} (${sourceQuality(p.listing.source)}) lists every partner`
            : `Reported (${sourceQuality(p.observation.source)})`;
      rows.push(`<tr><td>${t.year}</td><th scope="row">${esc(t.partnerName)}</th><td class="num">${esc(formatValue(t.value, chart.indicator.unit))}</td><td>${esc(how)}</td></tr>`);
    }
  }
  return (
    `<table><caption class="visually-hidden">${esc(chart.title)}, values drawn</caption>` +
    '<thead><tr><th scope="col">Year</th><th scope="col">Partner</th><th scope="col" class="num">Value</th><th scope="col">How</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}
