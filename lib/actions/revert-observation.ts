'use server';

import { getDb } from '../db/prisma';
import { revertObservation } from '../editing/observations';
import { observationRevertSchema } from '../schemas/observation';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', observationRevertSchema, (input, user) => revertObservation(getDb(), user, input));

export async function revertObservationAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
