import { z } from 'zod';

/** A number attribute of a flag; AppConfig checks `minimum`/`maximum` on every change. */
export interface NumberAttribute {
  readonly type: 'number';
  readonly description: string;
  readonly default: number;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** A string attribute of a flag; AppConfig checks `pattern` / `enum` on every change. */
export interface StringAttribute {
  readonly type: 'string';
  readonly description: string;
  readonly default: string;
  readonly pattern?: string;
  readonly enum?: readonly string[];
}

export type AttributeSpec = NumberAttribute | StringAttribute;

/** One flag as the registry defines it: who reads it, what it does, and its value until someone changes it. */
export interface FlagSpec {
  readonly name: string;
  readonly description: string;
  readonly enabled: boolean;
  readonly attributes?: Readonly<Record<string, AttributeSpec>>;
}

/**
 * Every feature flag of the shop, with its default. This is the one place a flag is declared: the AppConfig
 * document that CDK deploys, the values the storefront and the services fall back to, and the types they
 * read are all derived from it.
 */
export const FLAG_REGISTRY = {
  'amex-payments': {
    name: 'American Express payments',
    description:
      'Offer Amex at checkout (Visa and Mastercard are always offered); the checkout refuses Amex while off.',
    enabled: false,
  },
  'free-shipping': {
    name: 'Free shipping',
    description: 'Show the free-shipping offer, and its threshold, in a banner on every page.',
    enabled: true,
    attributes: {
      thresholdMinor: {
        type: 'number',
        description: 'Orders of at least this amount, in minor units of the shop currency, ship free.',
        default: 5000,
        minimum: 0,
        maximum: 10_000_000,
      },
    },
  },
  recommendations: {
    name: 'Product recommendations',
    description: 'Show "You may also like" (other products of the same category) on the product page.',
    enabled: false,
  },
} as const satisfies Record<string, FlagSpec>;

export type FlagRegistry = typeof FLAG_REGISTRY;
export type FlagKey = keyof FlagRegistry;

type AttributeValue<A> = A extends NumberAttribute ? number : A extends StringAttribute ? string : never;
type AttributesOf<F> = F extends { attributes: infer A } ? { -readonly [K in keyof A]: AttributeValue<A[K]> } : unknown;

/** What reading a flag gives: `enabled` and its attributes' values. */
export type FlagValue<K extends FlagKey> = { enabled: boolean } & AttributesOf<FlagRegistry[K]>;

/** Every flag's value, by key. */
export type ShopFlags = { [K in FlagKey]: FlagValue<K> };

/** @internal */
export const FLAG_KEYS = Object.keys(FLAG_REGISTRY) as FlagKey[];

function attributeSchema(spec: AttributeSpec): z.ZodType {
  if (spec.type === 'string') {
    const base = spec.enum ? z.enum(spec.enum as [string, ...string[]]) : z.string();
    return spec.pattern && !spec.enum ? z.string().regex(new RegExp(spec.pattern)) : base;
  }
  let schema = z.number();
  if (spec.minimum !== undefined) schema = schema.min(spec.minimum);
  if (spec.maximum !== undefined) schema = schema.max(spec.maximum);
  return schema;
}

/**
 * The zod schema of one flag's value, as AppConfig Data returns it (unknown keys dropped).
 *
 * @example
 * flagSchema('free-shipping').parse({ enabled: true, thresholdMinor: 5000 }); // typed FlagValue<'free-shipping'>
 */
export function flagSchema<K extends FlagKey>(key: K): z.ZodType<FlagValue<K>> {
  const spec: FlagSpec = FLAG_REGISTRY[key];
  const attributes = Object.fromEntries(
    Object.entries(spec.attributes ?? {}).map(([name, attribute]) => [name, attributeSchema(attribute)]),
  );
  return z.object({ enabled: z.boolean(), ...attributes }) as unknown as z.ZodType<FlagValue<K>>;
}

/**
 * A flag's value as the registry declares it: what applies until AppConfig says otherwise.
 *
 * @example
 * defaultFlag('free-shipping'); // { enabled: true, thresholdMinor: 5000 }
 */
export function defaultFlag<K extends FlagKey>(key: K): FlagValue<K> {
  const spec: FlagSpec = FLAG_REGISTRY[key];
  const attributes = Object.entries(spec.attributes ?? {}).map(([name, attribute]) => [name, attribute.default]);
  return { enabled: spec.enabled, ...Object.fromEntries(attributes) } as FlagValue<K>;
}

/**
 * Every flag at its registry default.
 *
 * @example
 * defaultFlags()['amex-payments'].enabled; // false
 */
export function defaultFlags(): ShopFlags {
  return Object.fromEntries(FLAG_KEYS.map((key) => [key, defaultFlag(key)])) as ShopFlags;
}
