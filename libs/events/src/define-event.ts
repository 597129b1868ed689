import { z } from 'zod';
import { DOMAIN, makeMetadataSchema, type EventSource, type Service } from './envelope';
import { EventDefinitionError } from './errors';

/** A service that subscribes to an event, and what it does with it (shown in the catalog). */
export type EventConsumer = {
  readonly service: Service;
  readonly purpose: string;
};

/** The `detail` schema of an event: `{ metadata, data }`. */
export type DetailSchema<S extends Service, V extends string, D extends z.ZodObject> = z.ZodObject<{
  metadata: ReturnType<typeof makeMetadataSchema<S, V>>;
  data: D;
}>;

/** An event contract: its names, who produces and consumes it, its schemas and a realistic sample. */
export type EventDefinition<
  S extends Service = Service,
  T extends string = string,
  V extends string = string,
  D extends z.ZodObject = z.ZodObject,
> = {
  /** EventBridge `source`: `shop.<producer>`. */
  readonly source: EventSource<S>;
  /** EventBridge `detail-type`: `<Entity>.<PastTenseFact>`. */
  readonly detailType: T;
  /** `metadata.event_version`: a positive integer, as a string. */
  readonly version: V;
  /** Unique name of this version of the event, e.g. `Order.OrderConfirmed.v1`. */
  readonly key: `${T}.v${V}`;
  readonly description: string;
  readonly producer: S;
  readonly consumers: readonly EventConsumer[];
  /** Schema of `detail.data`. */
  readonly data: D;
  /** Schema of the whole `detail`. */
  readonly detail: DetailSchema<S, V, D>;
  /** A realistic `detail.data`. */
  readonly sample: z.output<D>;
  /** `sample` inside a complete `detail`, with fixed sample metadata. */
  readonly sampleDetail: z.output<DetailSchema<S, V, D>>;
};

/** Any event definition, whatever its producer, names and schema. */
export type AnyEventDefinition = EventDefinition<Service, string, string, z.ZodObject>;

/** The typed `detail.data` of a definition. */
export type DataOf<E extends AnyEventDefinition> = z.output<E['data']>;
/** The typed `detail` of a definition. */
export type DetailOf<E extends AnyEventDefinition> = z.output<E['detail']>;

export type EventSpec<S extends Service, T extends string, V extends string, D extends z.ZodObject> = {
  readonly producer: S;
  readonly detailType: T;
  readonly version: V;
  readonly description: string;
  readonly consumers: readonly EventConsumer[];
  readonly data: D;
  readonly sample: z.output<D>;
};

const DETAIL_TYPE = /^[A-Z][A-Za-z]+\.[A-Z][A-Za-z]+$/;
const VERSION = /^[1-9][0-9]*$/;
const IRREGULAR_PAST = new Set([
  'Sent',
  'Paid',
  'Sold',
  'Built',
  'Made',
  'Held',
  'Set',
  'Put',
  'Split',
  'Bought',
  'Lost',
  'Won',
]);

/**
 * True when the fact of a detail-type (after the dot) ends in a past tense verb: `StockReserved`, `OrderPaid`.
 *
 * @example
 * isPastTenseFact('Order.OrderConfirmed'); // true
 * isPastTenseFact('Order.ConfirmOrder'); // false: that is a command, and commands never go on the bus
 */
export function isPastTenseFact(detailType: string): boolean {
  const fact = detailType.split('.')[1] ?? '';
  const lastWord = fact.match(/[A-Z][a-z]*$/)?.[0] ?? '';
  return lastWord.endsWith('ed') || IRREGULAR_PAST.has(lastWord);
}

/** @internal Why a spec breaks the naming rules, if it does. */
function namingProblems(spec: { detailType: string; version: string }): string[] {
  const problems: string[] = [];
  if (!DETAIL_TYPE.test(spec.detailType))
    problems.push(`detail-type "${spec.detailType}" is not <Entity>.<PastTenseFact>`);
  else if (!isPastTenseFact(spec.detailType)) problems.push(`"${spec.detailType}" is not a fact in the past tense`);
  if (!VERSION.test(spec.version)) problems.push(`version "${spec.version}" is not a positive integer such as "1"`);
  return problems;
}

/** The metadata put in every sample, fixed so the generated catalog stays the same from run to run. */
export const SAMPLE_METADATA = {
  correlation_id: '5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10',
  causation_id: '8c2d4f6a-1b3e-4c5d-9e7f-0a1b2c3d4e5f',
  environment: 'prod',
} as const;

/**
 * Declares an event contract. The producer owns it; everything else (types, JSON Schema, AsyncAPI,
 * catalog pages, contract tests) is derived from it.
 *
 * @example
 * export const OrderCancelled = defineEvent({
 *   producer: 'orders',
 *   detailType: 'Order.OrderCancelled',
 *   version: '1',
 *   description: 'An order was cancelled and will not be fulfilled.',
 *   consumers: [{ service: 'products', purpose: 'Releases the stock reserved for the order.' }],
 *   data: z.object({ orderId: z.string() }),
 *   sample: { orderId: 'ord_01J9Z3' },
 * });
 */
export function defineEvent<
  const S extends Service,
  const T extends string,
  const V extends string,
  D extends z.ZodObject,
>(spec: EventSpec<S, T, V, D>): EventDefinition<S, T, V, D> {
  const problems = namingProblems(spec);
  if (problems.length > 0) throw new EventDefinitionError(`Invalid event definition: ${problems.join('; ')}`);
  const metadata = makeMetadataSchema(spec.producer, spec.version);
  const detail = z.object({ metadata, data: spec.data }).describe(spec.description);
  const sampleMetadata = {
    correlation_id: SAMPLE_METADATA.correlation_id,
    causation_id: SAMPLE_METADATA.causation_id,
    domain: DOMAIN,
    service: spec.producer,
    environment: SAMPLE_METADATA.environment,
    event_version: spec.version,
  };
  return Object.freeze({
    ...spec,
    source: `${DOMAIN}.${spec.producer}` as const,
    key: `${spec.detailType}.v${spec.version}` as const,
    detail,
    sampleDetail: { metadata: sampleMetadata, data: spec.sample },
  }) as EventDefinition<S, T, V, D>;
}

/**
 * The EventBridge event pattern (JSON, as EventBridge reads it) that matches this version of the event
 * and no other. CDK's `EventPattern` spells the second key `detailType`.
 *
 * @example
 * rulePattern(OrderConfirmed);
 * // { source: ['shop.orders'], 'detail-type': ['Order.OrderConfirmed'], detail: { metadata: { event_version: ['1'] } } }
 */
export function rulePattern(definition: AnyEventDefinition) {
  return {
    source: [definition.source],
    'detail-type': [definition.detailType],
    detail: { metadata: { event_version: [definition.version] } },
  };
}
