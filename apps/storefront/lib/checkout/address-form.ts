import { Address } from '../shop-api/types';

export type AddressInput = { ok: true; address: Address } | { ok: false; fields: Record<string, string> };

const FIELDS = ['name', 'line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const;

/** Reads an address from form fields named `<prefix>.name`, `<prefix>.line1`…; empty optional lines are left out. */
export function readAddress(form: FormData, prefix: string): AddressInput {
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = String(form.get(`${prefix}.${field}`) ?? '').trim();
    if (value !== '') raw[field] = field === 'country' ? value.toUpperCase() : value;
  }
  const parsed = Address.safeParse(raw);
  if (parsed.success) return { ok: true, address: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[`${prefix}.${String(issue.path[0])}`] ??= raw[String(issue.path[0])] === undefined ? 'Required' : issue.message;
  return { ok: false, fields };
}
