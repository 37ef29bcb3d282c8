import { z } from 'zod';

/**
 * The one read of process.env for the app: every variable, its default and its check (README's Environment table
 * lists the same). Read on each call, not once: the scripts and tests set variables at run time. A bad value
 * stops with a message naming the variable instead of being half-used.
 */
const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);
const optionalText = z.string().trim().optional().transform((v) => (v ? v : undefined));
const flag = z.enum(['1', '0', 'true', 'false', '']).optional().transform((v) => v === '1' || v === 'true');

const schema = z.object({
  DATABASE_URL: optionalText,
  DATABASE_KIND: z.enum(['postgres', 'embedded']).optional(),
  DATABASE_POOL_MAX: positiveInt(100).optional(),
  EMBEDDED_DATA_DIR: optionalText,
  MIGRATIONS_DIR: optionalText,
  TRUST_PROXY: flag,
  UPLOAD_DIR: optionalText,
  UPLOAD_TTL_MINUTES: positiveInt(7 * 24 * 60).default(60),
  RENDER_QUEUE_LIMIT: positiveInt(10_000).default(32),
  RENDER_CACHE_MB: positiveInt(16_384).default(64),
  RENDER_INLINE: flag,
  ADMIN_EMAIL: optionalText,
  ADMIN_PASSWORD: optionalText,
});

export type Env = z.infer<typeof schema>;
export const envVariables = Object.keys(schema.shape);

export class EnvError extends Error {}

let last: { key: string; value: Env } | null = null;

export function env(source: Record<string, string | undefined> = process.env): Env {
  // Called on every request (proxy, throttling): parsed again only when one of its variables changed.
  const key = envVariables.map((k) => source[k] ?? '').join('\0');
  if (last?.key === key) return last.value;
  // Empty strings mean "unset", as in a .env file with a bare NAME=.
  const present = Object.fromEntries(envVariables.map((k) => [k, source[k] === '' ? undefined : source[k]]));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new EnvError(`Environment variable ${String(issue.path[0])} is invalid: ${issue.message} (got "${String(present[String(issue.path[0])])}")`);
  }
  last = { key, value: parsed.data };
  return parsed.data;
}

/** The pool size the app's database client uses: DATABASE_POOL_MAX, or 10 on Postgres and 4 embedded. */
export function poolMax(e: Env = env()): number {
  return e.DATABASE_POOL_MAX ?? (e.DATABASE_KIND === 'embedded' ? 4 : 10);
}
