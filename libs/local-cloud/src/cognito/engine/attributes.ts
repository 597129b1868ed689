import { invalidParameter } from '../errors';
import { STANDARD_ATTRIBUTES, type UserPoolConfig } from '../model/pool-config';

/** Attributes as the API carries them. */
export interface AttributeType {
  readonly Name: string;
  readonly Value: string;
}

/** Attributes Cognito sets itself: a caller may read them, never write them. */
const SYSTEM_ATTRIBUTES = new Set(['sub']);

/**
 * The attributes a caller may set on a user of this pool, as a map: every name standard or declared
 * `custom:`, `sub` untouched, and (with `requireAll`) every required attribute present (`implied`: one the
 * username itself provides).
 *
 * @example
 * validatedAttributes(pool, [{ Name: 'email', Value: 'a@example.com' }], { requireAll: true });
 */
export function validatedAttributes(
  pool: UserPoolConfig,
  attributes: readonly AttributeType[],
  options: { requireAll: boolean; implied?: string },
): Map<string, string> {
  const custom = new Set(pool.schema.filter((attribute) => attribute.custom).map((attribute) => attribute.name));
  const values = new Map<string, string>();
  for (const { Name, Value } of attributes) {
    if (SYSTEM_ATTRIBUTES.has(Name)) throw schemaError(`${Name}: Attribute cannot be updated. (changing an immutable attribute)`);
    if (!STANDARD_ATTRIBUTES.has(Name) && !custom.has(Name)) throw schemaError(`Type for attribute {${Name}} could not be determined`);
    values.set(Name, Value);
  }
  if (options.requireAll) {
    // An email or phone username fills its attribute, so a pool requiring it accepts the username alone.
    const missing = pool.schema.find((attribute) => attribute.required && attribute.name !== options.implied && !values.get(attribute.name));
    if (missing) throw schemaError(`${missing.name}: The attribute ${missing.name} is required`);
  }
  return values;
}

/** The attributes as a list, in the order Cognito returns them (`sub` first). */
export function attributeList(attributes: ReadonlyMap<string, string>, only?: readonly string[]): AttributeType[] {
  const names = [...attributes.keys()].filter((name) => !only || only.length === 0 || only.includes(name));
  names.sort((a, b) => (a === 'sub' ? -1 : b === 'sub' ? 1 : 0));
  return names.map((name) => ({ Name: name, Value: attributes.get(name) ?? '' }));
}

/** The attributes as the string map Lambda triggers receive. */
export function attributeRecord(attributes: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(attributes);
}

/** How a message destination appears in CodeDeliveryDetails: `a***@e***`, `+*******0123`. */
export function maskDestination(destination: string): string {
  const at = destination.indexOf('@');
  if (at > 0) return `${destination[0]}***@${destination[at + 1] ?? ''}***`;
  return `+${'*'.repeat(Math.max(destination.length - 5, 0))}${destination.slice(-4)}`;
}

function schemaError(detail: string) {
  return invalidParameter(`Attributes did not conform to the schema: ${detail}`);
}
