import { z } from 'zod';

/** What kind of personal data a field holds; shown in the catalog and the JSON Schema. */
export const PII_CATEGORIES = ['name', 'email', 'address', 'phone'] as const;
export type PiiCategory = (typeof PII_CATEGORIES)[number];

/** The metadata `pii()` puts on a schema (zod 4 global registry, so z.toJSONSchema emits it). */
export type PiiMeta = { readonly pii: true; readonly piiCategory: PiiCategory };

/** What `redactPii` puts in place of personal data. */
export const REDACTED = '[REDACTED]';

/**
 * Marks a schema as personal data. The mark travels with the schema: it shows in the JSON Schema
 * (`"pii": true, "piiCategory": "email"`), in the catalog, and in `piiPaths`.
 *
 * @example
 * const Customer = z.object({ id: z.string(), email: pii(z.email(), 'email') });
 */
export function pii<T extends z.ZodType>(schema: T, category: PiiCategory): T {
  const meta: PiiMeta = { pii: true, piiCategory: category };
  return schema.meta(meta);
}

/**
 * True when the schema itself is marked with `pii()` (wrappers such as `.optional()` are not looked through).
 *
 * @example
 * isPii(pii(z.string(), 'name')); // true
 */
export function isPii(schema: z.ZodType): boolean {
  return schema.meta()?.['pii'] === true;
}

const ANY_ITEM = Symbol('any item');
type Segment = string | typeof ANY_ITEM;

/** @internal Walks a schema; `found` gets the path of each PII-marked node (its children are not visited). */
function walk(schema: z.ZodType, path: readonly Segment[], found: Segment[][]): void {
  if (isPii(schema)) {
    found.push([...path]);
    return;
  }
  for (const [child, segment] of childrenOf(schema)) {
    walk(child, segment === undefined ? path : [...path, segment], found);
  }
}

/** @internal The schemas nested in `schema`, each with the path segment that leads to it (none for wrappers). */
function childrenOf(schema: z.ZodType): [z.ZodType, Segment | undefined][] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, child]) => [child, key]);
  }
  if (schema instanceof z.ZodArray) return [[schema.element as z.ZodType, ANY_ITEM]];
  if (schema instanceof z.ZodRecord) return [[schema.valueType as z.ZodType, ANY_ITEM]];
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).map((option) => [option, undefined]);
  if (schema instanceof z.ZodPipe) return [[schema.in as z.ZodType, undefined]];
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodReadonly
  ) {
    return [[schema.unwrap() as z.ZodType, undefined]];
  }
  return [];
}

function format(path: readonly Segment[]): string {
  return path.reduce<string>((text, segment) => {
    if (segment === ANY_ITEM) return `${text}[*]`;
    return text === '' ? segment : `${text}.${segment}`;
  }, '');
}

/**
 * The paths of the PII-marked fields of a schema, in declaration order, e.g.
 * `['data.customer.email', 'data.billingAddress', 'data.order.lines[*].recipient']`
 * (`[*]` is any array item or record value: the syntax pino's `redact` option reads).
 *
 * @example
 * piiPaths(OrderConfirmed.detail); // ['data.customer.email', 'data.customer.name', ...]
 */
export function piiPaths(schema: z.ZodType): string[] {
  const found: Segment[][] = [];
  walk(schema, [], found);
  return [...new Set(found.map(format))];
}

function redactAt(value: unknown, path: readonly Segment[]): unknown {
  if (path.length === 0) return value === undefined ? value : REDACTED;
  if (value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  if (head === ANY_ITEM) {
    if (Array.isArray(value)) return value.map((item) => redactAt(item, rest));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactAt(item, rest)]));
  }
  if (!(head in value)) return value;
  return { ...value, [head]: redactAt((value as Record<string, unknown>)[head], rest) };
}

/**
 * A copy of `value` with every PII-marked field of `schema` replaced by `'[REDACTED]'`, for logging.
 * The value is not validated: fields the schema does not know are kept as they are.
 *
 * @example
 * logger.info('order confirmed', { detail: redactPii(OrderConfirmed.detail, detail) });
 */
export function redactPii<T>(schema: z.ZodType, value: T): T {
  const paths: Segment[][] = [];
  walk(schema, [], paths);
  return paths.reduce<unknown>((redacted, path) => redactAt(redacted, path), value) as T;
}
