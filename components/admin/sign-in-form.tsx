'use client';

import { useKeptForm } from '@/components/admin/use-kept-form';
import { signInAction } from '@/lib/actions/sign-in';

export function SignInForm({ next }: { next: string }) {
  const [state, actionForm, pending] = useKeptForm(signInAction);
  return (
    <form {...actionForm} className="stack" noValidate>
      <input type="hidden" name="next" value={next} />
      <label htmlFor="email">Email</label>
      <input id="email" name="email" type="email" autoComplete="username" required aria-invalid={Boolean(state.fieldErrors?.email)} aria-describedby="email-error" />
      {state.fieldErrors?.email ? <p id="email-error" className="field-error">{state.fieldErrors.email.join(' ')}</p> : null}
      <label htmlFor="password">Password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={Boolean(state.fieldErrors?.password)} aria-describedby="password-error" />
      {state.fieldErrors?.password ? <p id="password-error" className="field-error">{state.fieldErrors.password.join(' ')}</p> : null}
      <button type="submit" disabled={pending}>
        Sign in
      </button>
      <p role="alert" className={state.message ? 'form-message error' : 'form-message'}>
        {state.message}
      </p>
    </form>
  );
}
