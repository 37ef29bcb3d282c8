import Link from 'next/link';
import { getCatalogue } from '@/lib/queries/data';

export default async function NotFound() {
  const catalogue = await getCatalogue().catch(() => null);
  return (
    <div className="notice">
      <h1>Not found</h1>
      <p>There is no such dimension or partner. These exist:</p>
      {catalogue ? (
        <ul className="inline-list">
          {catalogue.dimensions.map((d) => (
            <li key={d.key}>
              <Link href={`/dimensions/${d.key}`}>{d.label}</Link>
            </li>
          ))}
          {catalogue.actors
            .filter((a) => a.kind !== 'AGGREGATE' && !a.isFocal)
            .map((a) => (
              <li key={a.code}>
                <Link href={`/partners/${a.code}`}>{a.name}</Link>
              </li>
            ))}
        </ul>
      ) : null}
      <p>
        Or go back to the <Link href="/">overview</Link>.
      </p>
    </div>
  );
}
