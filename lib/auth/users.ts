import crypto from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/client';
import { generatePassword, hashPassword, verifyPassword } from './password';
import { writeTransaction } from '../db/transaction';

export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];
const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };
export const atLeast = (role: Role, needed: Role) => RANK[role] >= RANK[needed];

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('Enter a valid email address').max(200));
export const passwordSchema = z.string().min(10, 'A password has at least 10 characters').max(200);

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

export async function signIn(db: Db, input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, succeeded: false, createdAt: { gte: since } }, orderBy: { createdAt: 'asc' }, select: { createdAt: true } }),
    db.loginAttempt.count({ where: { ip: input.ip, succeeded: false, createdAt: { gte: since } } }),
  ]);
  if (byAccount.length >= THROTTLE.perAccount || byAddress >= THROTTLE.perAddress) {
    const oldest = byAccount[0]?.createdAt ?? since;
    const minutes = Math.max(1, Math.ceil((oldest.getTime() + THROTTLE.windowMinutes * 60_000 - Date.now()) / 60_000));
    return {
      ok: false,
      message: `Too many failed sign-ins ${byAddress >= THROTTLE.perAddress ? 'from this address' : 'for this account'}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    };
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  // Verify against a dummy hash for unknown accounts so timing does not reveal which emails exist.
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled) {
    await db.loginAttempt.create({ data: { email, ip: input.ip, succeeded: false } });
    return { ok: false, message: user?.disabled && valid ? 'This account is disabled.' : 'Email or password is wrong.' };
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
