import { z } from 'zod';
import type { AnyEventDefinition, DetailOf } from './define-event';
import { EventValidationError, type EventIssue } from './errors';

/** The EventBridge envelope around `detail`, as a rule target receives it. */
export const EventBridgeEventSchema = z.object({
  version: z.string(),
  id: z.string().min(1),
  'detail-type': z.string().min(1),
  source: z.string().min(1),
  account: z.string(),
  time: z.iso.datetime({ offset: true }),
  region: z.string(),
  resources: z.array(z.string()),
  detail: z.unknown(),
});

/** An EventBridge event whose `detail` was parsed with a definition. */
export type EventBridgeEventOf<E extends AnyEventDefinition> = Omit<
  z.output<typeof EventBridgeEventSchema>,
  'detail'
> & {
  readonly detail: DetailOf<E>;
};

/** @internal `['data', 'lines', 0, 'sku']` → `data.lines[0].sku`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`;
    const key = String(segment);
    return text === '' ? key : `${text}.${key}`;
  }, '');
}

/** @internal zod issues as `{ path, message }`, paths prefixed with where the value sits. */
export function toIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): EventIssue[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/**
 * Parses an event's `detail` against its definition; unknown fields are dropped, so a producer may add
 * fields without breaking consumers.
 *
 * @throws EventValidationError listing each invalid field's path, e.g. `data.order.lines[0].quantity`.
 * @example
 * const { data } = parseDetail(OrderConfirmed, event.detail);
 */
export function parseDetail<E extends AnyEventDefinition>(definition: E, detail: unknown): DetailOf<E> {
  const result = definition.detail.safeParse(detail);
  if (!result.success) {
    throw new EventValidationError(definition.key, toIssues(result.error), { cause: result.error });
  }
  return result.data as DetailOf<E>;
}

/**
 * Parses a whole EventBridge event (as a Lambda rule target receives it): the envelope, that its
 * `source` and `detail-type` are the definition's, and its `detail`.
 *
 * @throws EventValidationError listing each problem with its path, e.g. `detail.metadata.event_version`.
 * @example
 * export const handler = async (event: unknown) => {
 *   const { detail } = parseEvent(OrderConfirmed, event);
 * };
 */
export function parseEvent<E extends AnyEventDefinition>(definition: E, event: unknown): EventBridgeEventOf<E> {
  const envelope = EventBridgeEventSchema.safeParse(event);
  if (!envelope.success) {
    throw new EventValidationError(definition.key, toIssues(envelope.error), { cause: envelope.error });
  }
  const issues: EventIssue[] = [];
  if (envelope.data.source !== definition.source) {
    issues.push({ path: 'source', message: `Expected "${definition.source}", received "${envelope.data.source}"` });
  }
  if (envelope.data['detail-type'] !== definition.detailType) {
    const received = envelope.data['detail-type'];
    issues.push({ path: 'detail-type', message: `Expected "${definition.detailType}", received "${received}"` });
  }
  const detail = definition.detail.safeParse(envelope.data.detail);
  if (!detail.success) issues.push(...toIssues(detail.error, ['detail']));
  if (issues.length > 0 || !detail.success) {
    throw new EventValidationError(definition.key, issues, detail.success ? {} : { cause: detail.error });
  }
  return { ...envelope.data, detail: detail.data as DetailOf<E> };
}

/**
 * A complete EventBridge event around a definition's sample, as a rule target would receive it.
 * For handler tests and for checking that a rule's pattern matches the events it means to receive.
 *
 * @example
 * await handler(sampleEvent(OrderConfirmed), context);
 */
export function sampleEvent<E extends AnyEventDefinition>(definition: E): EventBridgeEventOf<E> {
  return {
    version: '0',
    id: '0d7e5c4b-2a19-4f3e-8b6d-1c2a3b4c5d6e',
    'detail-type': definition.detailType,
    source: definition.source,
    account: '123456789012',
    time: '2025-03-14T09:26:53Z',
    region: 'eu-west-2',
    resources: [],
    detail: definition.sampleDetail as DetailOf<E>,
  };
}
