import 'server-only';
import { currentUser } from './session';
import { atLeast, type Role, type SessionUser } from './users';

/** A browser always names the page a POST comes from; one from another site is refused before anything else. */
export function crossSite(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const origin = request.headers.get('origin');
  if (!origin) return false; // not a browser (curl, scripts): the cookie still has to be valid
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The route-handler side of the one authorisation rule: every handler names its role, checked on each request. */
export function withRole<C>(role: Role, handler: (request: Request, context: C, user: SessionUser) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    if (crossSite(request)) return Response.json({ error: 'Cross-site request refused.' }, { status: 403 });
    const user = await currentUser();
    if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 });
    if (!atLeast(user.role, role)) return Response.json({ error: `Only ${role.toLowerCase()}s and above may do this.` }, { status: 403 });
    return handler(request, context, user);
  };
}
