import type { Actor } from '@/lib/dashboard/types';

/** "Focal country": the countries that report figures; the view is this country's dependence on its partners. */
export function FocalSelect({ id, countries, value }: { id: string; countries: Actor[]; value: string }) {
  const options = countries.some((c) => c.code === value) ? countries : [...countries, { code: value, name: value, kind: 'COUNTRY' as const, isFocal: false }];
  return (
    <>
      <label htmlFor={id}>Focal country</label>{' '}
      <select id={id} name="focal" defaultValue={value}>
        {options.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>{' '}
    </>
  );
}
