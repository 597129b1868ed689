import { describe, expect, it } from 'vitest';
import { EventValidationError } from './errors';
import { OrderCancelled } from './orders/order-cancelled';
import { parseDetail, parseEvent, sampleEvent } from './parse';
import { StockReserved } from './inventory/stock-reserved';

describe('parseDetail', () => {
  it('returns the typed detail of a valid event', () => {
    const detail = parseDetail(OrderCancelled, OrderCancelled.sampleDetail);

    expect(detail.data.reasonCode).toBe('PAYMENT_DECLINED');
  });

  it('drops fields the definition does not know, so producers can add fields', () => {
    const withExtra = { ...OrderCancelled.sampleDetail, data: { ...OrderCancelled.sample, refundId: 'ref_1' } };

    const detail = parseDetail(OrderCancelled, withExtra);

    expect(detail.data).toEqual(OrderCancelled.sample);
  });

  it('lists every invalid field with its path', () => {
    const detail = {
      ...OrderCancelled.sampleDetail,
      data: { ...OrderCancelled.sample, reasonCode: 'BORED', cancelledAt: 'yesterday' },
    };

    const error = captureError(() => parseDetail(OrderCancelled, detail));

    expect(error).toBeInstanceOf(EventValidationError);
    expect(error.code).toBe('EVENTS.INVALID_EVENT');
    expect(error.issues.map((issue) => issue.path)).toEqual(['data.reasonCode', 'data.cancelledAt']);
    expect(error.message).toContain('Invalid Order.OrderCancelled.v1 event');
  });

  it('rejects another version of the event', () => {
    const detail = {
      ...OrderCancelled.sampleDetail,
      metadata: { ...OrderCancelled.sampleDetail.metadata, event_version: '2' },
    };

    expect(() => parseDetail(OrderCancelled, detail)).toThrow('metadata.event_version:');
  });
});

describe('parseEvent', () => {
  it('parses an EventBridge event as a rule target receives it', () => {
    const event = sampleEvent(StockReserved);

    const parsed = parseEvent(StockReserved, JSON.parse(JSON.stringify(event)));

    expect(parsed.detail.data.reservationId).toBe(StockReserved.sample.reservationId);
    expect(parsed.source).toBe('shop.products');
  });

  it('rejects an event of another source or detail-type, and an invalid detail, all at once', () => {
    const event = {
      ...sampleEvent(StockReserved),
      source: 'shop.orders',
      'detail-type': 'Inventory.StockReleased',
      detail: { ...StockReserved.sampleDetail, data: { ...StockReserved.sample, lines: [] } },
    };

    const error = captureError(() => parseEvent(StockReserved, event));

    expect(error.issues.map((issue) => issue.path)).toEqual(['source', 'detail-type', 'detail.data.lines']);
  });

  it('rejects something that is not an EventBridge event', () => {
    expect(() => parseEvent(StockReserved, StockReserved.sampleDetail)).toThrow(EventValidationError);
  });
});

function captureError(fn: () => unknown): EventValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error('expected an EventValidationError');
}
