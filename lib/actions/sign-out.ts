'use server';

import { redirect } from 'next/navigation';
import { clearSessionCookie, sessionToken } from '../auth/session';
import { signOut } from '../auth/users';
import { getDb } from '../db/prisma';

export async function signOutAction(): Promise<void> {
  await signOut(getDb(), await sessionToken());
  await clearSessionCookie();
  redirect('/');
}
