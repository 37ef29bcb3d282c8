/** A labelled year drop-down for GET filter forms ("" = no bound). */
export function YearSelect({ id, name, label, years, value, none }: { id: string; name: string; label: string; years: number[]; value?: number; none: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{none}</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>{' '}
    </>
  );
}
