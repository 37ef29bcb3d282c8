import type { Metadata } from 'next';
import { AddIndicatorForm, IndicatorForm } from '@/components/admin/indicator-form';
import { getDb } from '@/lib/db/prisma';

export const metadata: Metadata = { title: 'Indicators · Admin' };

export default async function IndicatorsPage() {
  const db = getDb();
  const dimensions = await db.dimension.findMany({ orderBy: { sortOrder: 'asc' }, select: { key: true, label: true } });
  const indicators = await db.indicator.findMany({
    orderBy: [{ dimension: { sortOrder: 'asc' } }, { sortOrder: 'asc' }],
    select: { slug: true, name: true, unit: true, definition: true, methodology: true, higherIsMoreDependent: true, weight: true, published: true, dimension: { select: { label: true } } },
  });
  return (
    <>
      <h1>Indicators</h1>
      <p className="lede">Names, units, definitions and methods as readers see them; the default weight of each in the dependency score (0 keeps it out); unpublished indicators are hidden from the dashboard.</p>
      <AddIndicatorForm dimensions={dimensions} />
      {indicators.map(({ dimension, ...i }) => (
        <IndicatorForm key={i.slug} indicator={{ ...i, dimension: dimension.label }} />
      ))}
    </>
  );
}
