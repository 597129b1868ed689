'use client';

import { useActionState } from 'react';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { signIn } from './actions';

export function SignInForm({ next, email }: { readonly next: string; readonly email?: string | undefined }) {
  const [state, action, pending] = useActionState(signIn, null);
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <Field name="email" label="Email address" type="email" autoComplete="email" required defaultValue={email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
