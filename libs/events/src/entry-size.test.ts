import { describe, expect, it } from 'vitest';
import { MAX_PUT_EVENTS_BYTES, putEventsEntrySize, toBatches } from './entry-size';

describe('putEventsEntrySize', () => {
  it('counts the UTF-8 bytes of source, detail-type and detail', () => {
    const entry = { Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: '{}' };

    expect(putEventsEntrySize(entry)).toBe(11 + 17 + 2);
  });

  it('counts multi-byte characters as bytes, not characters', () => {
    const entry = { Source: 'shop.orders', DetailType: 'Order.OrderPlaced', Detail: '{"price":"£12"}' };

    expect(putEventsEntrySize(entry)).toBe(11 + 17 + 16);
  });

  it('adds 14 bytes for a time and the bytes of each resource, but nothing for the bus name', () => {
    const entry = {
      Source: 'shop.orders',
      DetailType: 'Order.OrderPlaced',
      Detail: '{}',
      Time: new Date('2025-03-14T09:26:53Z'),
      Resources: ['arn:aws:s3:::a', 'arn:aws:s3:::bc'],
      EventBusName: 'a-very-long-event-bus-name',
    };

    expect(putEventsEntrySize(entry)).toBe(11 + 17 + 2 + 14 + 14 + 15);
  });
});

describe('toBatches', () => {
  const items = (count: number, size = 100) => Array.from({ length: count }, (_, id) => ({ id, size }));

  it('puts at most 10 entries in a request, in order', () => {
    const batches = toBatches(items(25));

    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat().map((item) => item.id)).toEqual(items(25).map((item) => item.id));
  });

  it('starts a new request before the entries would pass 256 KB together', () => {
    const batches = toBatches(items(5, 100 * 1024));

    expect(batches.map((batch) => batch.length)).toEqual([2, 2, 1]);
  });

  it('fills a request up to exactly 256 KB', () => {
    const batches = toBatches([{ size: MAX_PUT_EVENTS_BYTES - 10 }, { size: 10 }, { size: 1 }]);

    expect(batches.map((batch) => batch.length)).toEqual([2, 1]);
  });

  it('makes no request for no entries', () => {
    expect(toBatches([])).toEqual([]);
  });
});
