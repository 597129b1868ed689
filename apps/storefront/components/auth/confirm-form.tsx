'use client';

import { useActionState } from 'react';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { confirmSignUp } from './actions';

export function ConfirmForm({ email }: { readonly email: string }) {
  const [state, action, pending] = useActionState(confirmSignUp, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <Field name="email" label="Email address" type="email" autoComplete="email" required defaultValue={email} />
      <Field name="code" label="Confirmation code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" error={fields?.code} />
      <div className="actions">
        <button type="submit" name="intent" value="confirm" disabled={pending}>
          Confirm
        </button>
        <button type="submit" name="intent" value="resend" className="secondary" disabled={pending} formNoValidate>
          Send a new code
        </button>
      </div>
    </form>
  );
}
