/** The session cookie's name: read by proxy.ts (which must not import the database) and lib/auth/session.ts. */
export const SESSION_COOKIE = 'atlas_session';
