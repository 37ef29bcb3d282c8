import 'server-only';
import { crossSite } from '../security/origin';
import { currentUser } from './session';
import { atLeast, type Role, type SessionUser } from './users';

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
