import { focalSelectHtml } from '@/lib/dashboard/form-markup';
import type { Actor } from '@/lib/dashboard/types';

/** "Focal country": the countries that report figures; the view is this country's dependence on its partners. */
export function FocalSelect({ id, countries, value }: { id: string; countries: Actor[]; value: string }) {
  return <span className="field" dangerouslySetInnerHTML={{ __html: focalSelectHtml(id, countries, value) }} />;
}
