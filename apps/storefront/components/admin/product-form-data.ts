import type { ProductChanges } from '@/lib/shop-api/types';

export type ProductChangesInput = { ok: true; changes: ProductChanges } | { ok: false; fields: Record<string, string> };

/** "12.50" → 1250 minor units; undefined unless a non-negative amount with at most two decimals. */
export function parsePrice(text: string): number | undefined {
  const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The edit form's fields as a PATCH body (sku and category are fixed by the API). */
export function readProductChanges(form: FormData): ProductChangesInput {
  const name = String(form.get('name') ?? '').trim();
  const description = String(form.get('description') ?? '').trim();
  const amount = parsePrice(String(form.get('price') ?? ''));
  const currency = String(form.get('currency') ?? 'GBP');
  const status = form.get('status') === 'DISCONTINUED' ? 'DISCONTINUED' : 'ACTIVE';
  const fields: Record<string, string> = {};
  if (name === '') fields.name = 'Required';
  if (amount === undefined) fields.price = 'A price such as 12.50';
  if (Object.keys(fields).length > 0 || amount === undefined) return { ok: false, fields };
  return { ok: true, changes: { name, description, price: { amount, currency }, status } };
}
