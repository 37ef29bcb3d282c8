'use server';

import { getDb } from '../db/prisma';
import { updateObservation as update } from '../editing/observations';
import { observationUpdateSchema } from '../schemas/observation';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', observationUpdateSchema, (input, user) => update(getDb(), user, input));

export async function updateObservationAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
