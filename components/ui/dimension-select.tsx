import { dimensionSelectHtml } from '@/lib/dashboard/form-markup';
import type { DimensionRow } from '@/lib/dashboard/types';

/** "Dimension" filter of a GET form: all, or one dimension by key. */
export function DimensionSelect({ dimensions, value }: { dimensions: Pick<DimensionRow, 'key' | 'label'>[]; value: string | undefined }) {
  return <span className="field" dangerouslySetInnerHTML={{ __html: dimensionSelectHtml(dimensions, value) }} />;
}
