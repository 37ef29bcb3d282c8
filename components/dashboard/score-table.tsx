import { formatNumber, formatValue, figureSources } from '@/lib/dashboard/format';
import type { YearScore } from '@/lib/dashboard/shape';
import type { Actor } from '@/lib/dashboard/types';
import { scoreBand } from '@/lib/scoring/score';
import { SourceLink } from './source-link';

/** Scores by year for each partner, and for the latest year the inputs, their sources and their weights. */
export function ScoreTable({ partners, scores, dimensionLabel }: { partners: Actor[]; scores: Map<string, YearScore[]>; dimensionLabel: string }) {
  const years = [...new Set([...scores.values()].flatMap((list) => list.filter((s) => s.score !== null).map((s) => s.year)))].sort((a, b) => a - b);
  if (years.length === 0) return <p>No {dimensionLabel.toLowerCase()} score for this selection: none of its scored inputs has a whole-year figure.</p>;
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption>{dimensionLabel} dependency score by year (0–100)</caption>
          <thead>
            <tr>
              <th scope="col">Partner</th>
              {years.map((y) => (
                <th scope="col" className="num" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {partners.map((p) => (
              <tr key={p.code}>
                <th scope="row">{p.name}</th>
                {years.map((y) => {
                  const s = scores.get(p.code)?.find((x) => x.year === y);
                  return (
                    <td className="num" key={y}>
                      {s?.score != null ? (
                        <span title={`${Math.round(s.coverage * 100)}% of input weight available`}>
                          <span className="swatch" style={{ background: scoreBand(s.score).colour }} aria-hidden="true" /> {formatNumber(s.score)}
                          {s.lowConfidence ? <abbr title="low confidence: fewer than two inputs had data"> ⚠</abbr> : null}
                        </span>
                      ) : (
                        '–'
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {partners.map((p) => {
        const latest = scores.get(p.code)?.filter((s) => s.score !== null).at(-1);
        if (!latest || latest.score === null) return null;
        return (
          <details key={p.code} className="score-inputs">
            <summary>
              Inputs of the {latest.year} score for {p.name}: {formatNumber(latest.score)} ({latest.components.length} of{' '}
              {latest.components.length + latest.missing.length} inputs with data{latest.lowConfidence ? '; low confidence' : ''})
            </summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col" className="num">
                    Figure
                  </th>
                  <th scope="col" className="num">
                    Normalised
                  </th>
                  <th scope="col" className="num">
                    Weight
                  </th>
                  <th scope="col">Source</th>
                </tr>
              </thead>
              <tbody>
                {latest.inputs.map((input) => {
                  const component = latest.components.find((c) => c.slug === input.slug);
                  const missing = latest.missing.find((m) => m.slug === input.slug);
                  return (
                    <tr key={input.slug}>
                      <th scope="row">
                        {input.name}
                        {input.window ? <span className="meta"> (five-year window {input.window}, filed under {latest.year}; not an annual figure)</span> : null}
                      </th>
                      <td className="num">
                        {input.display ? `${input.display} → ` : ''}
                        {input.figure?.provenance.kind === 'zero' ? 'sourced zero: ' : ''}
                        {input.value !== null ? formatValue(input.value, input.unit) : '–'}
                        {input.kind === 'NUMBER' && input.total !== null ? ` of ${formatValue(input.total, input.unit)}` : ''}
                      </td>
                      <td className="num">{component ? formatNumber(component.normalised) : missing ? `missing (${missing.reason})` : 'weight 0'}</td>
                      <td className="num">{component?.weight ?? missing?.weight ?? 0}</td>
                      <td>
                        {input.figure
                          ? figureSources(input.figure).map((o) => <SourceLink key={o.key} source={o.source} withExcerpt />)
                          : null}
                        {input.totalObservation ? (
                          <>
                            {' '}
                            Total: <SourceLink source={input.totalObservation.source} withExcerpt />
                          </>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        );
      })}
    </>
  );
}
