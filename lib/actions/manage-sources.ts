'use server';

import { getDb } from '../db/prisma';
import { createSource, deleteSource, updateSource } from '../editing/sources';
import { sourceCreateSchema, sourceDeleteSchema, sourceUpdateSchema } from '../schemas/source';
import { authorizedAction, type ActionState } from './authorized';

const create = authorizedAction('EDITOR', sourceCreateSchema, (input, user) => createSource(getDb(), user, input));
const update = authorizedAction('EDITOR', sourceUpdateSchema, (input, user) => updateSource(getDb(), user, input));
const remove = authorizedAction('EDITOR', sourceDeleteSchema, (input, user) => deleteSource(getDb(), user, input));

export async function createSourceAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return create(previous, form);
}

export async function updateSourceAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return update(previous, form);
}

export async function deleteSourceAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return remove(previous, form);
}
