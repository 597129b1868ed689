import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { z } from 'zod';

/**
 * What a consumer expects to receive: a zod schema of the event's `detail`, and optionally its
 * `source` and `detail-type`. An `EventDefinition` from `@shop/events` is one as it is (it has
 * `detail`, `source` and `detailType`), so consumers can pass the producer's definition.
 */
export type EventContract<S extends z.ZodType = z.ZodType> = {
  readonly detail: S;
  readonly source?: string;
  readonly detailType?: string;
};

/** An EventBridge event whose `detail` was parsed with a contract's schema. */
export type ParsedEvent<D> = Omit<z.output<typeof EventBridgeSchema>, 'detail'> & { readonly detail: D };

/** The parsed event type of a contract. */
export type EventOf<C extends EventContract> = ParsedEvent<z.output<C['detail']>>;

/**
 * The zod schema of a whole EventBridge event for a contract: Powertools' `EventBridgeSchema` with
 * `detail` replaced by the contract's, and `source` / `detail-type` pinned when the contract names them
 * (so a rule that matches too much fails loudly instead of feeding the wrong event to a handler).
 *
 * @example
 * parse(event, undefined, eventSchema(OrderConfirmed)).detail.data.order.id;
 */
export function eventSchema<C extends EventContract>(contract: C): z.ZodType<EventOf<C>> {
  const schema = EventBridgeSchema.extend({
    detail: contract.detail,
    source: contract.source === undefined ? z.string() : z.literal(contract.source),
    'detail-type': contract.detailType === undefined ? z.string() : z.literal(contract.detailType),
  });
  return schema as unknown as z.ZodType<EventOf<C>>;
}
