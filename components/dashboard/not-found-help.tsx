import { getCatalogue } from '@/lib/queries/data';

/** The 404 of the dimension and partner views: lists what exists, so a mistyped link leads somewhere. */
export async function NotFoundHelp() {
  const catalogue = await getCatalogue().catch(() => null);
  return (
    <div className="notice">
      <h1>Not found</h1>
      <p>There is no such dimension or partner. These exist:</p>
      {catalogue ? (
        <ul className="inline-list">
          {catalogue.dimensions.map((d) => (
            <li key={d.key}>
              <a href={`/dimensions/${d.key}`}>{d.label}</a>
            </li>
          ))}
          {catalogue.actors
            .filter((a) => a.kind !== 'AGGREGATE' && !a.isFocal)
            .map((a) => (
              <li key={a.code}>
                <a href={`/partners/${a.code}`}>{a.name}</a>
              </li>
            ))}
        </ul>
      ) : null}
      <p>
        Or go back to the <a href="/">overview</a>.
      </p>
    </div>
  );
}
