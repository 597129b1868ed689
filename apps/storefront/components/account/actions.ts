'use server';

import { readAddress } from '@/lib/checkout/address-form';
import { messageFor } from '@/lib/messages';
import { ShopApiError } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import type { Address } from '@/lib/shop-api/types';
import { refused, type ActionState } from '../forms/action-state';

/** An address section left entirely empty is no address; a half-filled one is an error. */
function optionalAddress(form: FormData, prefix: string): { address?: Address; fields?: Record<string, string> } {
  const filled = [...form.keys()].some((key) => key.startsWith(`${prefix}.`) && String(form.get(key)).trim() !== '');
  if (!filled) return {};
  const read = readAddress(form, prefix);
  return read.ok ? { address: read.address } : { fields: read.fields };
}

export async function updateProfile(_previous: ActionState, form: FormData): Promise<ActionState> {
  const name = String(form.get('name') ?? '').trim();
  const shipping = optionalAddress(form, 'shipping');
  const billing = optionalAddress(form, 'billing');
  const fields = { ...shipping.fields, ...billing.fields, ...(name === '' && { name: 'Required' }) };
  if (Object.keys(fields).length > 0) return refused('FORM.INVALID', 'Please check the highlighted fields.', fields);
  try {
    await (await getSession()).api.updateMe({
      name,
      marketingConsent: form.get('marketingConsent') === 'on',
      ...(shipping.address && { shippingAddress: shipping.address }),
      ...(billing.address && { billingAddress: billing.address }),
    });
  } catch (error) {
    if (!(error instanceof ShopApiError)) throw error;
    console.warn('profile update refused', error.code, error.message);
    return refused(error.code, messageFor(error.code));
  }
  return { ok: true, message: 'Your details are saved.' };
}
