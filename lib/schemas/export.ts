import { z } from 'zod';
import { EXPORT_SIZES } from '../export/spec';

export const exportOptionsSchema = z.object({
  size: z.enum(Object.keys(EXPORT_SIZES) as [keyof typeof EXPORT_SIZES, ...(keyof typeof EXPORT_SIZES)[]]).default('landscape'),
  background: z.enum(['white', 'transparent']).default('white'),
  density: z.coerce.number().pipe(z.union([z.literal(2), z.literal(3)])).default(2),
});

export type ExportChoice = z.infer<typeof exportOptionsSchema>;

export const EXPORT_FORMATS = ['png', 'svg', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Options of a briefing file: the paper size of the PDF (the deck is always 16:9). */
export const briefingOptionsSchema = z.object({
  paper: z.enum(['a4', 'letter'], { message: 'paper must be a4 or letter' }).default('a4'),
});
