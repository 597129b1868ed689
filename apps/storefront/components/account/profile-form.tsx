'use client';

import { useActionState } from 'react';
import type { Profile } from '@/lib/shop-api/types';
import { AddressFields } from '../forms/address-fields';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { updateProfile } from './actions';

export function ProfileForm({ profile }: { readonly profile: Profile | undefined }) {
  const [state, action, pending] = useActionState(updateProfile, null);
  const errors = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <Field name="name" label="Name" autoComplete="name" required defaultValue={profile?.name} error={errors?.name} />
      <AddressFields prefix="shipping" legend="Delivery address" value={profile?.shippingAddress} errors={errors} required={false} />
      <AddressFields prefix="billing" legend="Billing address" value={profile?.billingAddress} errors={errors} required={false} />
      <div className="checkbox">
        <input id="marketing" name="marketingConsent" type="checkbox" defaultChecked={profile?.marketingConsent ?? false} />
        <label htmlFor="marketing">Email me about new products and offers</label>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
    </form>
  );
}
