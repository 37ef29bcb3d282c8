import { formatValue, observationFlags, periodText, STANCE_LABEL } from '@/lib/dashboard/format';
import type { Catalogue, ObservationRow } from '@/lib/dashboard/types';
import { SourceLink } from './source-link';

/** Every value behind a view, with its flags (period, status, alternatives, provenance) and its source excerpt. */
export function ObservationTable({ observations, catalogue, caption }: { observations: ObservationRow[]; catalogue: Catalogue; caption: string }) {
  if (observations.length === 0) return <p>No values for this selection.</p>;
  const indicator = new Map(catalogue.indicators.map((i) => [i.slug, i]));
  const actor = new Map(catalogue.actors.map((a) => [a.code, a.name]));
  return (
    <div className="table-wrap">
      <table className="observations">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Partner</th>
            <th scope="col">Period</th>
            <th scope="col" className="num">
              Value
            </th>
            <th scope="col">Flags</th>
            <th scope="col">Source and excerpt</th>
          </tr>
        </thead>
        <tbody>
          {observations.map((o) => {
            const ind = indicator.get(o.indicator);
            const flags = observationFlags(o, ind?.partnerSide);
            return (
              <tr key={o.id} className={o.rank > 0 ? 'alternative' : undefined}>
                <td>{ind?.name ?? o.indicator}</td>
                <th scope="row">{actor.get(o.partner) ?? o.partner}</th>
                <td>{periodText(o)}</td>
                <td className="num">{o.value !== null ? formatValue(o.value, ind?.unit ?? '') : STANCE_LABEL[o.stance ?? ''] ?? o.stance}</td>
                <td>
                  {flags.length ? (
                    <ul className="flags">
                      {flags.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : (
                    'reported'
                  )}
                  {o.note ? <p className="meta">{o.note}</p> : null}
                  {o.publishedAs ? <p className="meta">Published as “{o.publishedAs}”, mapped onto this indicator.</p> : null}
                  {o.fx ? (
                    <p className="meta fx-rate">
                      Rate: {o.fx.perUsd} {o.fx.currency} per USD, {o.fx.year}: <SourceLink source={o.fx.source} />
                    </p>
                  ) : null}
                </td>
                <td>
                  <SourceLink source={o.source} withExcerpt />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
