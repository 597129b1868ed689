'use client';

import { useActionState } from 'react';
import type { Address } from '@/lib/shop-api/types';
import { AddressFields } from '../forms/address-fields';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { placeOrder } from './actions';

export function CheckoutForm({
  idempotencyKey,
  shipping,
  billing,
  brandsText,
}: {
  readonly idempotencyKey: string;
  readonly shipping?: Address | undefined;
  readonly billing?: Address | undefined;
  readonly brandsText: string;
}) {
  const [state, action, pending] = useActionState(placeOrder, null);
  const errors = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack checkout-form">
      <FormMessage state={state} />
      <input type="hidden" name="idempotencyKey" value={state?.idempotencyKey ?? idempotencyKey} />
      <AddressFields prefix="shipping" legend="Delivery address" value={shipping} errors={errors} />
      <div className="checkbox">
        <input id="billing-same" name="billingSame" type="checkbox" defaultChecked />
        <label htmlFor="billing-same">Bill to the delivery address</label>
      </div>
      <details>
        <summary>Use a different billing address</summary>
        <p className="hint">Untick &ldquo;Bill to the delivery address&rdquo; above, then fill in:</p>
        <AddressFields prefix="billing" legend="Billing address" value={billing} errors={errors} required={false} />
      </details>
      <fieldset>
        <legend>Card</legend>
        <p className="hint">{brandsText}</p>
        <Field name="cardNumber" label="Card number" inputMode="numeric" autoComplete="cc-number" required error={errors?.cardNumber} />
        <Field name="expiry" label="Expiry date (MM/YY)" autoComplete="cc-exp" placeholder="MM/YY" required error={errors?.expiry} />
        <Field name="cvc" label="Security code" inputMode="numeric" autoComplete="cc-csc" required error={errors?.cvc} />
      </fieldset>
      <button type="submit" disabled={pending}>
        {pending ? 'Placing your order…' : 'Place order'}
      </button>
    </form>
  );
}
