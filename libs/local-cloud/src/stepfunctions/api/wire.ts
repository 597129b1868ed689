import type { Json } from '../../core/contracts';
import { StepFunctionsApiError } from '../engine/api-errors';
import type { HistoryEvent } from '../engine/history';

/** A request body field read as the API model types it. */
export type Request = { [key: string]: Json | undefined };

/** AWS JSON 1.0 answers: timestamps as epoch seconds, absent fields omitted. */
export function toWire(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map((item) => toWire(item) ?? null);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) {
      const wire = toWire(item);
      if (wire !== undefined) out[key] = wire;
    }
    return out;
  }
  return value as Json;
}

/** One GetExecutionHistory event as the API shapes it. */
export function historyEventToWire(event: HistoryEvent): Json {
  return toWire({
    timestamp: event.timestamp,
    type: event.type,
    id: event.id,
    previousEventId: event.previousEventId,
    ...(event.details && { [event.details.key]: event.details.value }),
  })!;
}

export function requireString(request: Request, field: string): string {
  const value = request[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new StepFunctionsApiError('ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalString(request: Request, field: string): string | undefined {
  const value = request[field];
  return typeof value === 'string' ? value : undefined;
}

/** A page of a list: `nextToken` is the offset of the next page, opaque to callers. */
export function page<T>(items: readonly T[], request: Request): { items: T[]; nextToken?: string } {
  const size = typeof request.maxResults === 'number' && request.maxResults > 0 ? request.maxResults : 100;
  const token = optionalString(request, 'nextToken');
  const start = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(start) || start < 0) throw new StepFunctionsApiError('ValidationException', 'Invalid nextToken');
  const end = start + size;
  return { items: items.slice(start, end), ...(end < items.length && { nextToken: Buffer.from(String(end)).toString('base64url') }) };
}
