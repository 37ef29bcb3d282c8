import 'server-only';
import { crossSite } from '../security/origin';
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, isBusyError } from '../db/transaction';
import { currentUser } from './session';
import { atLeast, type Role, type SessionUser } from './users';

/** The route-handler side of the one authorisation rule: every handler names its role, checked on each request. */
export function withRole<C>(role: Role, handler: (request: Request, context: C, user: SessionUser) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (crossSite(request)) return Response.json({ error: 'Cross-site request refused.' }, { status: 403 });
    const user = await currentUser();
    if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });
    if (!atLeast(user.role, role)) return Response.json({ error: `Only ${role.toLowerCase()}s and above may do this.` }, { status: 403 });
    try {
      return await handler(request, context, user);
    } catch (error) {
      if (isBusyError(error)) return busyResponse();
      throw error;
    }
  };
}

/** 503 with Retry-After: the write was refused because the database is busy, and nothing of it was written. */
export function busyResponse(): Response {
  return Response.json(
    { error: BUSY_MESSAGE, busy: true },
    { status: 503, headers: { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' } },
  );
}
