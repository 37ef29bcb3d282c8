import type { DimensionRow } from '@/lib/dashboard/types';

/** "Dimension" filter of a GET form: all, or one dimension by key. */
export function DimensionSelect({ dimensions, value }: { dimensions: Pick<DimensionRow, 'key' | 'label'>[]; value: string | undefined }) {
  return (
    <label>
      Dimension{' '}
      <select name="dimension" defaultValue={value ?? ''}>
        <option value="">all</option>
        {dimensions.map((d) => (
          <option key={d.key} value={d.key}>
            {d.label}
          </option>
        ))}
      </select>
    </label>
  );
}
