import crypto from 'node:crypto';
import type { Db } from '../db/client';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { writeTransaction } from '../db/transaction';
import { emailSchema, passwordSchema } from '../schemas/user';

import { ROLES, type Role } from '../schemas/user';

export { ROLES, type Role };
const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };
export const atLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];


export const SESSION_DAYS = 7;
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 } as const;

export type SessionUser = { id: number; email: string; name: string; role: Role };

/** Session ids are stored hashed: a copy of the database does not hand out working cookies. */
export const sessionId = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createUser(db: Db, input: { email: string; role: Role; password?: string; name?: string }): Promise<{ user: SessionUser; password: string }> {
  const email = emailSchema.parse(input.email);
  const password = input.password ?? generatePassword();
  passwordSchema.parse(password);
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction(db, async (tx) => {
    const created = await tx.user.create({
      data: { email, role: input.role, name: input.name ?? '', passwordHash },
      select: { id: true, email: true, name: true, role: true },
    });
    await tx.auditLog.create({ data: { userId: null, action: 'create', entity: 'user', entityId: String(created.id), after: { email, role: input.role }, reason: 'command line' } });
    return created;
  });
  return { user, password };
}

/**
 * The first admin. ADMIN_EMAIL + ADMIN_PASSWORD: created, or its password reset. Neither set, on the embedded
 * database with no admin yet: one is created with a random password, returned once to be printed.
 */
export async function ensureAdmin(db: Db, env: { email?: string; password?: string; embedded: boolean }): Promise<string | null> {
  if (env.email && env.password) {
    const email = emailSchema.parse(env.email);
    passwordSchema.parse(env.password);
    const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
    const passwordHash = await hashPassword(env.password);
    await writeTransaction(db, async (tx) => {
      const user = existing
        ? await tx.user.update({ where: { email }, data: { passwordHash, role: 'ADMIN', disabled: false }, select: { id: true } })
        : await tx.user.create({ data: { email, passwordHash, role: 'ADMIN', name: 'Administrator' }, select: { id: true } });
      await tx.auditLog.create({
        data: { userId: null, action: existing ? 'reset-password' : 'create', entity: 'user', entityId: String(user.id), after: { email, role: 'ADMIN' }, reason: 'ADMIN_EMAIL/ADMIN_PASSWORD at start' },
      });
    });
    return existing ? `admin ${email}: password reset from ADMIN_PASSWORD` : `admin ${email} created from ADMIN_EMAIL/ADMIN_PASSWORD`;
  }
  if (!env.embedded) return null;
  if ((await db.user.count({ where: { role: 'ADMIN' } })) > 0) return null;
  const { password } = await createUser(db, { email: 'admin@atlas.local', role: 'ADMIN', name: 'Administrator' });
  return `created admin@atlas.local with password ${password} (shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)`;
}

export type SignInResult = { ok: true; token: string; user: SessionUser } | { ok: false; message: string };

/** "1 minute", "40 seconds": the wait a message promises is the wait the throttle enforces. */
export function waitText(ms: number): string {
  if (ms < 60_000) {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    return `${seconds} second${seconds === 1 ? '' : 's'}`;
  }
  const minutes = Math.ceil(ms / 60_000);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * How long sign-in stays refused, or 0. Failures count per (account, address) and per address, never per account
 * alone, so nobody elsewhere can keep an owner out of their account. After `perAccount` failures from one address
 * the back-off doubles with each further failure (1, 2, 4 … minutes after the last, at most the window); an address
 * with `perAddress` failures in the window waits until the oldest of them leaves it.
 */
export function throttleWait(pairFailures: Date[], addressFailures: Date[], now = Date.now()): { ms: number; by: 'account' | 'address' } | null {
  const window = THROTTLE.windowMinutes * 60_000;
  if (addressFailures.length >= THROTTLE.perAddress) {
    const sorted = [...addressFailures].sort((a, b) => a.getTime() - b.getTime());
    const freesAt = sorted[sorted.length - THROTTLE.perAddress]!.getTime() + window;
    if (freesAt > now) return { ms: freesAt - now, by: 'address' };
  }
  if (pairFailures.length >= THROTTLE.perAccount) {
    const last = Math.max(...pairFailures.map((d) => d.getTime()));
    const backoff = Math.min(window, 60_000 * 2 ** (pairFailures.length - THROTTLE.perAccount));
    if (last + backoff > now) return { ms: last + backoff - now, by: 'account' };
  }
  return null;
}

export async function signIn(db: Db, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byPair, byAddress] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, ip: input.ip, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: 50, select: { createdAt: true } }),
    db.loginAttempt.findMany({ where: { ip: input.ip, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: 'desc' }, take: THROTTLE.perAddress, select: { createdAt: true } }),
  ]);
  const wait = throttleWait(byPair.map((a) => a.createdAt), byAddress.map((a) => a.createdAt));
  if (wait) {
    return { ok: false, message: `Too many failed sign-ins ${wait.by === 'address' ? 'from this address' : 'for this account from this address'}. Try again in ${waitText(wait.ms)}.` };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  // Verify against a dummy hash for unknown accounts so timing does not reveal which emails exist.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled) {
    await db.loginAttempt.create({ data: { email, ip: input.ip, succeeded: false } });
    // A disabled account answers as a wrong password does: the answer never says a password was right.
    return { ok: false, message: 'Email or password is wrong.' };
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await writeTransaction(db, async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: input.ip, succeeded: true } });
    await tx.session.create({ data: { id: sessionId(token), userId: user.id, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) } });
  });
  return { ok: true, token, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export async function userForToken(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId(token) },
    select: { expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!session || session.expiresAt < new Date() || session.user.disabled) return null;
  const { disabled: _disabled, ...user } = session.user;
  return user;
}

export async function signOut(db: Db, token: string | undefined): Promise<void> {
  if (token) await db.session.deleteMany({ where: { id: sessionId(token) } });
}
