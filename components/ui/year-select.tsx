import { yearSelectHtml } from '@/lib/dashboard/form-markup';

/** A labelled year drop-down for GET filter forms ("" = no bound). */
export function YearSelect(props: { id: string; name: string; label: string; years: number[]; value?: number; none: string }) {
  return <span className="field" dangerouslySetInnerHTML={{ __html: yearSelectHtml(props) }} />;
}
