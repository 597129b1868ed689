import { parse, ParseError } from '@aws-lambda-powertools/parser';
import { EventBridgeEnvelope } from '@aws-lambda-powertools/parser/envelopes/eventbridge';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anEventBridgeEvent } from './testing';
import { fieldErrorsOf } from './validation';

const Line = z.object({ sku: z.string(), quantity: z.int().positive() });
const Cart = z.object({ lines: z.array(Line).min(1) });

/** @internal The error `fn` throws. */
function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('fieldErrorsOf', () => {
  it('lists the paths and messages of a zod error', () => {
    const error = thrownBy(() => Cart.parse({ lines: [{ sku: 'A', quantity: 0 }] }));

    expect(fieldErrorsOf(error)).toEqual([{ path: 'lines[0].quantity', message: expect.stringContaining('>0') }]);
  });

  it('reads the issues of a ParseError from Powertools parse() without an envelope', () => {
    const error = thrownBy(() => parse({ lines: [] }, undefined, Cart));

    expect(error).toBeInstanceOf(ParseError);
    expect(fieldErrorsOf(error)).toEqual([{ path: 'lines', message: expect.any(String) }]);
  });

  it('reads the issues of a ParseError from an envelope, paths from the event root', () => {
    const event = anEventBridgeEvent({ detail: { lines: [{ sku: 7, quantity: 1 }] } });

    const error = thrownBy(() => parse(event, EventBridgeEnvelope, Cart));

    expect(fieldErrorsOf(error)).toEqual([{ path: 'detail.lines[0].sku', message: expect.any(String) }]);
  });

  it('returns undefined for errors that are not validation failures', () => {
    expect(fieldErrorsOf(new Error('database down'))).toBeUndefined();
    expect(fieldErrorsOf('a string')).toBeUndefined();
  });
});
