import type { ActionState } from './authorized';

export const initialState: ActionState = { ok: false, message: '' };
