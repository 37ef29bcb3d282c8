import { z } from 'zod';
import type { Db } from '../db/client';
import { generatePassword, hashPassword } from '../auth/password';
import type { SessionUser } from '../auth/users';
import type { userCreateSchema, userUpdateSchema } from '../schemas/user';
import type { EditResult } from './observations';
import { editTransaction } from './transaction';


/** Admin-only user changes, each with its audit row; a new or reset password is shown once and never stored plainly. */
export async function createAccount(db: Db, admin: SessionUser, input: z.infer<typeof userCreateSchema>): Promise<EditResult> {
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    return { ok: false, message: 'Nothing was saved.', fieldErrors: { email: [`A user with email ${input.email} exists already`] } };
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return editTransaction(db, async (tx) => {
    const user = await tx.user.create({ data: { ...input, passwordHash }, select: { id: true } });
    await tx.auditLog.create({ data: { userId: admin.id, action: 'create', entity: 'user', entityId: String(user.id), after: { email: input.email, role: input.role } } });
    return { ok: true, message: `Created ${input.email} (${input.role.toLowerCase()}). Password, shown once: ${password}` };
  });
}

export async function updateAccount(db: Db, admin: SessionUser, input: z.infer<typeof userUpdateSchema>): Promise<EditResult> {
  if (input.id === admin.id && (input.role !== 'ADMIN' || input.disabled === 'on')) {
    return { ok: false, message: 'You cannot remove your own admin role or disable yourself: ask another admin.' };
  }
  // scrypt takes tens of milliseconds: hashed before the transaction, so no connection waits on it.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return editTransaction(db, async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: { email: true, role: true, disabled: true } });
    if (!before) return { ok: false, message: 'No such user.' };
    const disabled = input.disabled === 'on';
    const after = await tx.user.update({
      where: { id: input.id },
      data: { role: input.role, disabled, ...(passwordHash ? { passwordHash } : {}) },
      select: { email: true, role: true, disabled: true },
    });
    // A disabled account, a new role or a new password ends the user's sessions.
    if (disabled || input.password || before.role !== input.role) await tx.session.deleteMany({ where: { userId: input.id } });
    await tx.auditLog.create({
      data: { userId: admin.id, action: input.password ? 'update+reset-password' : 'update', entity: 'user', entityId: String(input.id), before, after },
    });
    return { ok: true, message: `Saved ${after.email}${input.password ? ' with the new password' : ''}.` };
  });
}
