import type { ActionState } from '@/lib/actions/authorized';

/** The answer of a server action under its form: a status when it worked, an alert with field errors when not. */
export function FormMessage({ state }: { state: Pick<ActionState, 'ok' | 'message' | 'fieldErrors'> }) {
  if (!state.message) return null;
  return (
    <p role={state.ok ? 'status' : 'alert'} className={`form-message ${state.ok ? 'ok' : 'error'}`}>
      {state.message}
      {state.fieldErrors
        ? Object.entries(state.fieldErrors).map(([field, errors]) => (
            <span key={field}>
              {' '}
              {field}: {errors?.join(' ')}
            </span>
          ))
        : null}
    </p>
  );
}
