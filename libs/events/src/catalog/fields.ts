import type { JsonSchema } from './json-schema';

/** One row of a catalog fields table. */
export type FieldRow = {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  /** The PII category, if the field (or an object around it) is personal data. */
  readonly pii: string | undefined;
  readonly description: string;
};

/** Shared types documented once in the catalog index; their fields are not repeated on every page. */
export const NAMED_TYPES = ['Money', 'Address'] as const;

const isNamed = (node: JsonSchema) => (NAMED_TYPES as readonly unknown[]).includes(node.title);
const SAFE_INTEGER_LIMIT = Number.MAX_SAFE_INTEGER;
const literal = (value: unknown) => `\`${JSON.stringify(value)}\``;

function integerType(node: JsonSchema): string {
  // `.positive()` comes out as exclusiveMinimum: 0, which for an integer is a minimum of 1.
  const exclusiveMinimum = typeof node['exclusiveMinimum'] === 'number' ? node['exclusiveMinimum'] + 1 : undefined;
  const min = node.minimum ?? exclusiveMinimum;
  const max = node.maximum !== undefined && node.maximum < SAFE_INTEGER_LIMIT ? node.maximum : undefined;
  if (min !== undefined && max !== undefined) return `integer ${min}–${max}`;
  if (min !== undefined) return `integer ≥ ${min}`;
  return max === undefined ? 'integer' : `integer ≤ ${max}`;
}

/** A short, human type for a JSON Schema node: `string (date-time)`, `integer ≥ 0`, `Money`, `array of object`. */
export function describeType(node: JsonSchema): string {
  if (isNamed(node)) return `[${node.title}](README.md#${String(node.title).toLowerCase()})`;
  if (node.const !== undefined) return literal(node.const);
  if (node.enum !== undefined) return `one of ${node.enum.map(literal).join(', ')}`;
  if (node.anyOf !== undefined) return node.anyOf.map(describeType).join(' or ');
  switch (node.type) {
    case 'string':
      if (node.format !== undefined) return `string (${node.format})`;
      return node.pattern === undefined ? 'string' : `string matching \`${node.pattern}\``;
    case 'integer':
      return integerType(node);
    case 'array': {
      const items = node.items === undefined ? 'anything' : describeType(node.items);
      return node.minItems === undefined ? `array of ${items}` : `array of ${items} (at least ${node.minItems})`;
    }
    default:
      return node.type ?? 'any';
  }
}

function rowsOf(node: JsonSchema, path: string, required: boolean, inheritedPii: string | undefined): FieldRow[] {
  const pii = node.pii === true ? (node.piiCategory ?? 'yes') : inheritedPii;
  const row: FieldRow = { path, type: describeType(node), required, pii, description: node.description ?? '' };
  if (isNamed(node)) return [row];
  if (node.type === 'array' && node.items?.type === 'object' && !isNamed(node.items)) {
    return [row, ...fieldRows(node.items, `${path}[]`, pii)];
  }
  return node.type === 'object' ? [row, ...fieldRows(node, path, pii)] : [row];
}

/**
 * The fields of an object schema, depth first in declaration order, with paths such as `order.lines[].sku`.
 *
 * @example
 * fieldRows(detailJsonSchema(OrderConfirmed).properties.data);
 */
export function fieldRows(node: JsonSchema, prefix = '', inheritedPii?: string): FieldRow[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) =>
    rowsOf(child, prefix === '' ? key : `${prefix}.${key}`, required.has(key), inheritedPii),
  );
}
