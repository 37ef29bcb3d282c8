import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '../db/prisma';
import { atLeast, SESSION_DAYS, userForToken, type Role, type SessionUser } from './users';

import { SESSION_COOKIE } from './cookie';
import { clientAddressOf } from '../security/client-address';
import { requestIsHttps } from '../security/forwarded';

export { SESSION_COOKIE };

/** Secure cookies whenever the request came over https (through a trusted proxy that says so). */
async function isHttps(): Promise<boolean> {
  return requestIsHttps(await headers());
}

export async function setSessionCookie(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
}

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** The signed-in user, once per request; anonymous requests (no cookie) never touch the database. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  if (!token) return null;
  return userForToken(getDb(), token);
});

/** For pages: sends anonymous visitors to sign in and refuses users below `role`. */
export async function requirePageRole(role: Role, next: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  if (!atLeast(user.role, role)) redirect(`/login?next=${encodeURIComponent(next)}&denied=1`);
  return user;
}

/** The client's address for throttling: see lib/security/client-address.ts. */
export async function clientAddress(): Promise<string> {
  return clientAddressOf(await headers());
}
