import { describe, expect, it } from 'vitest';
import { correlationOfEvent, correlationOfHttpRequest, isUsableCorrelationId } from './correlation';
import { anEventBridgeEvent, anHttpEvent } from './testing';

describe('correlationOfHttpRequest', () => {
  it('takes the correlation id from the x-correlation-id header, caused by the API request', () => {
    const event = anHttpEvent({ headers: { 'x-correlation-id': '5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10' } });

    expect(correlationOfHttpRequest(event)).toEqual({
      correlationId: '5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10',
      causationId: 'JKJaXmPLvHcESHA=',
    });
  });

  it('creates a new correlation id when the header is missing', () => {
    const first = correlationOfHttpRequest(anHttpEvent());
    const second = correlationOfHttpRequest(anHttpEvent());

    expect(first.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.correlationId).not.toBe(first.correlationId);
  });

  it('replaces a header value that could forge or flood log lines', () => {
    const forged = anHttpEvent({ headers: { 'x-correlation-id': 'abc"}\n{"level":"ERROR"' } });
    const flooding = anHttpEvent({ headers: { 'x-correlation-id': 'a'.repeat(500) } });

    expect(correlationOfHttpRequest(forged).correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(correlationOfHttpRequest(flooding).correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('correlationOfEvent', () => {
  it('takes detail.metadata.correlation_id, caused by the event id', () => {
    const event = anEventBridgeEvent({ id: 'evt-1', detail: { metadata: { correlation_id: 'corr-1' }, data: {} } });

    expect(correlationOfEvent(event)).toEqual({ correlationId: 'corr-1', causationId: 'evt-1' });
  });

  it('creates a new correlation id for an event without metadata', () => {
    const event = anEventBridgeEvent({ id: 'evt-2', detail: { orderId: 'ord_1' } });

    expect(correlationOfEvent(event)).toEqual({
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      causationId: 'evt-2',
    });
  });

  it('copes with something that is not an event at all', () => {
    expect(correlationOfEvent(undefined)).toEqual({ correlationId: expect.any(String), causationId: undefined });
  });
});

describe('isUsableCorrelationId', () => {
  it.each([
    '5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10',
    '01J9Z3ABCDEF',
    'Root=1-67891233-abcdef012345678912345678',
    'JKJaXmPLvHcESHA=',
  ])('accepts %s', (id) => {
    expect(isUsableCorrelationId(id)).toBe(true);
  });

  it.each(['', ' leading-space', 'has space', 'new\nline', 'x'.repeat(129), 42])('refuses %j', (id) => {
    expect(isUsableCorrelationId(id)).toBe(false);
  });
});
