'use client';

import { useActionState } from 'react';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { signUp } from './actions';

export function SignUpForm() {
  const [state, action, pending] = useActionState(signUp, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <Field name="email" label="Email address" type="email" autoComplete="email" required error={fields?.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters, with upper and lower case letters, a digit and a symbol."
        error={fields?.password}
      />
      <button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
