'use server';

import { getDb } from '../db/prisma';
import { indicatorUpdateSchema, updateIndicator } from '../editing/indicators';
import { authorizedAction, type ActionState } from './authorized';

const action = authorizedAction('EDITOR', indicatorUpdateSchema, (input, user) => updateIndicator(getDb(), user, input));

export async function updateIndicatorAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return action(previous, form);
}
