'use server';

import { getDb } from '../db/prisma';
import { deleteObservation } from '../editing/observations';
import { observationDeleteSchema } from '../schemas/observation';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', observationDeleteSchema, (input, user) => deleteObservation(getDb(), user, input));

export async function deleteObservationAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
