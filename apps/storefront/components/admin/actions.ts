'use server';

import { updateTag } from 'next/cache';
import { TAGS } from '@/lib/constants';
import { messageFor } from '@/lib/messages';
import { ShopApiError } from '@/lib/shop-api/errors';
import { getSession } from '@/lib/shop-api/server';
import { isAdmin } from '@/lib/session/claims';
import { refused, type ActionState } from '../forms/action-state';
import { readProductChanges } from './product-form-data';

async function adminApi() {
  const session = await getSession();
  return isAdmin(session.viewer) ? session.api : undefined;
}

function refusal(error: unknown): ActionState {
  if (!(error instanceof ShopApiError)) throw error;
  console.warn('admin change refused', error.code, error.message);
  return refused(error.code, messageFor(error.code, error.message));
}

export async function saveProduct(productId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const api = await adminApi();
  if (!api) return refused('PRODUCTS.FORBIDDEN', messageFor('PRODUCTS.FORBIDDEN'));
  const changes = readProductChanges(form);
  if (!changes.ok) return refused('FORM.INVALID', 'Please check the highlighted fields.', changes.fields);
  try {
    await api.updateProduct(productId, changes.changes);
  } catch (error) {
    return refusal(error);
  }
  // Read-your-writes: the listings show the change on the next request.
  updateTag(TAGS.products);
  return { ok: true, message: 'Product saved.' };
}

export async function restockProduct(productId: string, _previous: ActionState, form: FormData): Promise<ActionState> {
  const api = await adminApi();
  if (!api) return refused('PRODUCTS.FORBIDDEN', messageFor('PRODUCTS.FORBIDDEN'));
  const quantity = Number(form.get('quantity'));
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
    return refused('FORM.INVALID', 'Restock between 1 and 100 000 units.', { quantity: 'A whole number from 1 to 100 000' });
  }
  try {
    const stock = await api.restock(productId, quantity);
    return { ok: true, message: `Restocked: ${stock.available} available (${stock.onHand} on hand, ${stock.reserved} reserved).` };
  } catch (error) {
    return refusal(error);
  }
}
