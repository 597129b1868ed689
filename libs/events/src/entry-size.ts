import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** The most a PutEvents entry, and a whole PutEvents request, may weigh: 256 KB. */
export const MAX_PUT_EVENTS_BYTES = 256 * 1024;

/** The most entries one PutEvents request takes. */
export const MAX_PUT_EVENTS_ENTRIES = 10;

const utf8Bytes = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text, 'utf8'));

/**
 * The size of a PutEvents entry as EventBridge counts it ("Calculating PutEvents event entry size" in the
 * EventBridge user guide): 14 bytes for `Time` if set, plus the UTF-8 bytes of `Source`, `DetailType`,
 * `Detail` and each of `Resources`. `EventBusName` and `TraceHeader` do not count.
 *
 * @example
 * putEventsEntrySize({ Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: '{}' }); // 30
 */
export function putEventsEntrySize(entry: PutEventsRequestEntry): number {
  const time = entry.Time === undefined ? 0 : 14;
  const resources = (entry.Resources ?? []).reduce((sum, resource) => sum + utf8Bytes(resource), 0);
  return time + utf8Bytes(entry.Source) + utf8Bytes(entry.DetailType) + utf8Bytes(entry.Detail) + resources;
}

/**
 * Splits sized items into PutEvents requests: at most 10 entries and 256 KB per request, in order.
 *
 * @example
 * toBatches([{ size: 100 }, { size: 200 }]); // [[{ size: 100 }, { size: 200 }]]
 */
export function toBatches<T extends { readonly size: number }>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const full = current.length === MAX_PUT_EVENTS_ENTRIES || currentBytes + item.size > MAX_PUT_EVENTS_BYTES;
    if (full && current.length > 0) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += item.size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
