'use server';

import { getDb } from '../db/prisma';
import { createIndicator, updateIndicator } from '../editing/indicators';
import { indicatorCreateSchema, indicatorUpdateSchema } from '../schemas/indicator';
import { authorizedAction, type ActionState } from './authorized';

const update = authorizedAction('EDITOR', indicatorUpdateSchema, (input, user) => updateIndicator(getDb(), user, input));
const create = authorizedAction('EDITOR', indicatorCreateSchema, (input, user) => createIndicator(getDb(), user, input));

export async function updateIndicatorAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return update(previous, form);
}

export async function createIndicatorAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return create(previous, form);
}
