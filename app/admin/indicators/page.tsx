import type { Metadata } from 'next';
import { AddIndicatorForm, IndicatorForm } from '@/components/admin/indicator-form';
import { requirePageRole } from '@/lib/auth/session';
import { adminIndicators } from '@/lib/queries/admin';

export const metadata: Metadata = { title: 'Indicators · Admin' };

export default async function IndicatorsPage() {
  await requirePageRole('EDITOR', '/admin/indicators');
  const { dimensions, indicators } = await adminIndicators();
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
