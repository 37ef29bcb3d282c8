'use server';

import { redirect } from 'next/navigation';
import { clientAddress, setSessionCookie } from '../auth/session';
import { signIn } from '../auth/users';
import { signInSchema } from '../schemas/user';
import { getDb } from '../db/prisma';
import type { ActionState } from './authorized';
import { fieldErrorsOf } from '../schemas/errors';
import { fieldWithNul } from '../schemas/text';
import { isBusyError } from '../db/transaction';


/** Only paths on this site: an attacker's "next" must not send a fresh session elsewhere. */
const safeNext = (next: string) => (/^\/(?!\/)[\w\-/?=&.,%]*$/.test(next) ? next : '/admin');

export async function signInAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  if (fieldWithNul(form.entries()) !== null) return { ok: false, message: 'Email or password is wrong.' };
  const parsed = signInSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return { ok: false, message: 'Check the marked fields.', fieldErrors: fieldErrorsOf(parsed.error), at: Date.now() };
  }
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(getDb(), { email: parsed.data.email, password: parsed.data.password, ip: await clientAddress() });
  } catch (error) {
    if (isBusyError(error)) return { ok: false, message: 'The database is busy; you are not signed in yet; try again.', at: Date.now() };
    throw error;
  }
  if (!result.ok) return { ok: false, message: result.message, at: Date.now() };
  await setSessionCookie(result.token);
  redirect(safeNext(parsed.data.next));
}
