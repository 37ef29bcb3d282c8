'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import type { ActionState } from '@/lib/actions/authorized';
import { initialState } from '@/lib/actions/authorized-state';

type Action = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * useActionState for forms whose fields must survive a refusal. React resets a form after its action runs, so a
 * rejected entry would vanish with its error message beside it; here the submit is dispatched by hand (which
 * skips that reset) and the form is cleared only after a success, where asked. Without JavaScript the form still
 * posts to the same action.
 */
export function useKeptForm(action: Action, options: { resetOnSuccess?: boolean } = {}) {
  const [state, dispatch, pending] = useActionState(action, initialState);
  const ref = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false } = options;
  useEffect(() => {
    if (resetOnSuccess && state.ok) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return [state, { ref, action: dispatch, onSubmit }, pending] as const;
}
