import type { Json } from '../../core/contracts';
import type { EventEnvelope } from './types';

/** One PutEvents request entry. `Time` arrives as epoch seconds from the SDK and CLI, or as an ISO string. */
export interface PutEventsEntry {
  readonly Source?: string;
  readonly DetailType?: string;
  readonly Detail?: string;
  readonly Resources?: readonly string[];
  readonly Time?: number | string | Date;
  readonly EventBusName?: string;
  readonly TraceHeader?: string;
}

export type EntryFailure = { readonly ErrorCode: string; readonly ErrorMessage: string };

export interface EnvelopeContext {
  readonly id: string;
  readonly region: string;
  readonly account: string;
  readonly now: Date;
}

/**
 * Turns a PutEvents entry into the event EventBridge routes, or says why EventBridge refuses it:
 * Source, DetailType and Detail are required, and Detail must be a JSON object.
 * @example toEnvelope({ Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{}' }, context)
 */
export function toEnvelope(entry: PutEventsEntry, context: EnvelopeContext): EventEnvelope | EntryFailure {
  for (const field of ['Source', 'DetailType', 'Detail'] as const) {
    if (entry[field] === undefined || entry[field] === '') {
      return { ErrorCode: 'InvalidArgument', ErrorMessage: `Parameter ${field} is not valid. Reason: ${field} is a required argument.` };
    }
  }
  const detail = parseObject(entry.Detail ?? '');
  if (detail === undefined) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  return {
    version: '0',
    id: context.id,
    'detail-type': entry.DetailType ?? '',
    source: entry.Source ?? '',
    account: context.account,
    time: formatTime(parseTime(entry.Time) ?? context.now),
    region: context.region,
    resources: [...(entry.Resources ?? [])],
    detail,
  };
}

/** The size EventBridge counts against the 256 KB PutEvents limit, per its sizing rules. */
export function entrySize(entry: PutEventsEntry): number {
  const bytes = (text: string | undefined) => (text === undefined ? 0 : Buffer.byteLength(text));
  const resources = (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0);
  return (entry.Time === undefined ? 0 : 14) + bytes(entry.Source) + bytes(entry.DetailType) + bytes(entry.Detail) + resources;
}

/** The envelope as plain JSON: it is built from JSON values only, so this view is exact. */
export function envelopeJson(event: EventEnvelope): Json {
  return event as unknown as Json;
}

/** Event times have second precision: `2017-12-22T18:43:48Z`. */
export function formatTime(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseTime(time: PutEventsEntry['Time']): Date | undefined {
  if (time === undefined) return undefined;
  const date = time instanceof Date ? time : typeof time === 'number' ? new Date(time * 1000) : new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseObject(text: string): Json | undefined {
  try {
    const value = JSON.parse(text) as Json;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
