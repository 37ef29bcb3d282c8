import 'server-only';
import type { z } from 'zod';
import { currentUser } from '../auth/session';
import { atLeast, type Role, type SessionUser } from '../auth/users';
import { refresh } from 'next/cache';
import { forgetDataVersion } from '../queries/data';
import { fieldWithNul } from '../schemas/text';
import { fieldErrorsOf } from '../schemas/errors';
import { BUSY_MESSAGE, isBusyError } from '../db/transaction';

export type ActionState = {
  ok: boolean;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  conflict?: { changedBy: string; changedAt: string; current: Record<string, unknown> };
  /** bumps on every answer so a form can tell a new answer from the last one */
  at?: number;
};


/**
 * Every mutation goes through here, in this order: authorise (server actions are public POST endpoints; the
 * session is checked on every call, never trusted from the page) → validate with zod → run (a transaction with
 * its audit row) → drop the cached data version and refresh the page → answer with a typed state.
 */
export function authorizedAction<S extends z.ZodType>(
  role: Role,
  schema: S,
  run: (input: z.infer<S>, user: SessionUser) => Promise<ActionState>,
): (previous: ActionState, form: FormData) => Promise<ActionState> {
  return async (_previous, form) => {
    const user = await currentUser();
    if (!user) return { ok: false, message: 'Your session has ended: sign in again.', at: Date.now() };
    if (!atLeast(user.role, role)) return { ok: false, message: `Only ${role.toLowerCase()}s and above may do this.`, at: Date.now() };
    const withNul = fieldWithNul(form.entries());
    if (withNul !== null) return { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors: { [withNul]: ['Contains a NUL character, which cannot be stored'] }, at: Date.now() };
    const parsed = schema.safeParse(Object.fromEntries(form));
    if (!parsed.success) {
      return { ok: false, message: 'Nothing was saved: check the marked fields.', fieldErrors: fieldErrorsOf(parsed.error), at: Date.now() };
    }
    let result: ActionState;
    try {
      result = await run(parsed.data, user);
    } catch (error) {
      // A write that did not get its turn within the transaction policy: refused, and nothing was written.
      if (isBusyError(error)) return { ok: false, message: BUSY_MESSAGE, at: Date.now() };
      throw error;
    }
    if (result.ok) {
      forgetDataVersion();
      refresh(); // the page that sent the form is rendered again with the new data (and versions)
    }
    return { ...result, at: Date.now() };
  };
}
