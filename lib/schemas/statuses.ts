/** How sure a figure is; a plain constant (no zod), so client forms can list it without shipping the validator. */
export const STATUSES = ['REPORTED', 'ESTIMATE', 'APPROXIMATE', 'LOWER_BOUND', 'DISPUTED', 'PARTIAL_YEAR', 'FORECAST'] as const;
