import { z } from 'zod';

/** zod's issues by field, for a form or a JSON answer; issues about the whole input are filed under `whole`. */
export function fieldErrorsOf(error: z.ZodError, whole = 'form'): Record<string, string[]> {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return { ...(fieldErrors as Record<string, string[]>), ...(formErrors.length > 0 ? { [whole]: formErrors } : {}) };
}
