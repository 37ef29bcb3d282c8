'use server';

import { getDb } from '../db/prisma';
import { makePrimary } from '../editing/observations';
import { observationPrimarySchema } from '../schemas/observation';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', observationPrimarySchema, (input, user) => makePrimary(getDb(), user, input));

export async function makePrimaryAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
