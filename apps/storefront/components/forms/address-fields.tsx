import type { Address } from '@/lib/shop-api/types';
import { Field } from './field';

/** The fields of a postal address, named `<prefix>.<field>` (read back with readAddress). */
export function AddressFields({
  prefix,
  legend,
  value,
  errors = {},
  required = true,
}: {
  readonly prefix: string;
  readonly legend: string;
  readonly value?: Address | undefined;
  readonly errors?: Readonly<Record<string, string>> | undefined;
  readonly required?: boolean;
}) {
  const f = (field: keyof Address) => ({ name: `${prefix}.${field}`, defaultValue: value?.[field] ?? '', error: errors[`${prefix}.${field}`] });
  return (
    <fieldset>
      <legend>{legend}</legend>
      <Field label="Full name" autoComplete={`${prefix} name`} required={required} {...f('name')} />
      <Field label="Address line 1" autoComplete={`${prefix} address-line1`} required={required} {...f('line1')} />
      <Field label="Address line 2 (optional)" autoComplete={`${prefix} address-line2`} {...f('line2')} />
      <Field label="Town or city" autoComplete={`${prefix} address-level2`} required={required} {...f('city')} />
      <Field label="County (optional)" autoComplete={`${prefix} address-level1`} {...f('region')} />
      <Field label="Postcode" autoComplete={`${prefix} postal-code`} required={required} {...f('postalCode')} />
      <Field label="Country code" hint="Two letters, such as GB" autoComplete={`${prefix} country`} maxLength={2} required={required} {...f('country')} />
    </fieldset>
  );
}
