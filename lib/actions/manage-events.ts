'use server';

import { getDb } from '../db/prisma';
import { createEvent, deleteEvent, updateEvent } from '../editing/events';
import { eventCreateSchema, eventDeleteSchema, eventUpdateSchema } from '../schemas/event';
import { authorizedAction, type ActionState } from './authorized';

const create = authorizedAction('EDITOR', eventCreateSchema, (input, user) => createEvent(getDb(), user, input));
const update = authorizedAction('EDITOR', eventUpdateSchema, (input, user) => updateEvent(getDb(), user, input));
const remove = authorizedAction('EDITOR', eventDeleteSchema, (input, user) => deleteEvent(getDb(), user, input));

export async function createEventAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return create(previous, form);
}

export async function updateEventAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return update(previous, form);
}

export async function deleteEventAction(previous: ActionState, form: FormData): Promise<ActionState> {
  return remove(previous, form);
}
