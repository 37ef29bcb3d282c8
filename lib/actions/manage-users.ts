'use server';

import { getDb } from '../db/prisma';
import { createAccount, updateAccount } from '../editing/users';
import { userCreateSchema, userUpdateSchema } from '../schemas/user';
import { authorizedAction, type ActionState } from './authorized';

const create = authorizedAction('ADMIN', userCreateSchema, (input, user) => createAccount(getDb(), user, input));
const update = authorizedAction('ADMIN', userUpdateSchema, (input, user) => updateAccount(getDb(), user, input));

export async function createUserAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return create(previous, form);
}

export async function updateUserAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return update(previous, form);
}
