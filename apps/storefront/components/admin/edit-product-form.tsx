'use client';

import { useActionState } from 'react';
import type { Product } from '@/lib/shop-api/types';
import { Field } from '../forms/field';
import { FormMessage } from '../forms/form-message';
import { restockProduct, saveProduct } from './actions';

export function EditProductForm({ product }: { readonly product: Product }) {
  const [state, action, pending] = useActionState(saveProduct.bind(null, product.id), null);
  const errors = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <Field name="name" label="Name" required defaultValue={product.name} error={errors?.name} />
      <div className="field">
        <label htmlFor="product-description">Description</label>
        <textarea id="product-description" name="description" rows={4} defaultValue={product.description} />
      </div>
      <input type="hidden" name="currency" value={product.price.currency} />
      <Field name="price" label={`Price (${product.price.currency})`} inputMode="decimal" required defaultValue={(product.price.amount / 100).toFixed(2)} error={errors?.price} />
      <div className="field">
        <label htmlFor="product-status">Status</label>
        <select id="product-status" name="status" defaultValue={product.status}>
          <option value="ACTIVE">Active: for sale</option>
          <option value="DISCONTINUED">Discontinued: hidden from listings</option>
        </select>
      </div>
      <button type="submit" disabled={pending}>
        Save product
      </button>
    </form>
  );
}

export function RestockForm({ productId }: { readonly productId: string }) {
  const [state, action, pending] = useActionState(restockProduct.bind(null, productId), null);
  const errors = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="stack">
      <FormMessage state={state} />
      <Field name="quantity" label="Units received" type="number" min={1} max={100000} required error={errors?.quantity} />
      <button type="submit" disabled={pending}>
        Restock
      </button>
    </form>
  );
}
