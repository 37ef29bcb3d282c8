'use server';

import { getDb } from '../db/prisma';
import { createObservation } from '../editing/observations';
import { observationCreateSchema } from '../schemas/observation';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', observationCreateSchema, (input, user) => createObservation(getDb(), user, input));

export async function createObservationAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
