/**
 * Calendar days as the database keeps them (DATE columns, read as midnight UTC) and as forms and files write them
 * (YYYY-MM-DD). One place for the conversions the editing, backup and query code all need.
 */

/** A Date's day as YYYY-MM-DD; null stays null. */
export function dayOf(d: Date): string;
export function dayOf(d: Date | null): string | null;
export function dayOf(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

/** YYYY-MM-DD as a Date at midnight UTC; empty or null is null. */
export function dateOf(day: string): Date;
export function dateOf(day: string | null | undefined): Date | null;
export function dateOf(day: string | null | undefined): Date | null {
  return day ? new Date(`${day}T00:00:00Z`) : null;
}

/** A real calendar day written YYYY-MM-DD (2024-02-30 is not). */
export function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && dayOf(dateOf(text)) === text;
}
