// Plain anchors: a matrix has dozens of links, and each next/link is a client component to render and hydrate.
import { matrixBodyHtml, type MatrixRow } from '@/lib/dashboard/matrix-markup';
import type { DimensionRow } from '@/lib/dashboard/types';
import { SCORE_BANDS } from '@/lib/scoring/score';

export type { MatrixRow };

export function ScoreLegend() {
  return (
    <div className="legend" aria-label="Colour scale of the dependency score">
      <span className="legend-title">Dependency score</span>
      <ul>
        {SCORE_BANDS.map((band) => (
          <li key={band.label}>
            <span className="swatch" style={{ background: band.colour }} aria-hidden="true" />
            {band.label}
          </li>
        ))}
        <li>
          <span className="swatch zero" aria-hidden="true" />
          sourced zero
        </li>
        <li>
          <span className="swatch na" aria-hidden="true" />
          not applicable
        </li>
        <li>
          <span className="swatch empty" aria-hidden="true" />
          no data
        </li>
      </ul>
    </div>
  );
}

export function DependencyMatrix({
  rows,
  dimensions,
  focalName,
  hrefFor,
}: {
  rows: MatrixRow[];
  dimensions: DimensionRow[];
  focalName: string;
  hrefFor: (partner: string, dimension: string) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="matrix" aria-describedby="matrix-note">
        <caption>Dependency matrix: {focalName} and each partner, latest year in range</caption>
        <thead>
          <tr>
            <th scope="col">Partner</th>
            {dimensions.map((d) => (
              <th scope="col" key={d.key}>
                {d.label}
              </th>
            ))}
          </tr>
        </thead>
        {/* The body as markup (lib/dashboard/matrix-markup.ts): dozens of cells React need neither ship nor hydrate. */}
        <tbody dangerouslySetInnerHTML={{ __html: matrixBodyHtml(rows, hrefFor) }} />
      </table>
    </div>
  );
}
