import type { Json } from '../core/contracts';

/** The correlation id an event carries, where the Shop's events keep it (`detail.metadata.correlation_id`). */
export function correlationIdOfEvent(event: Json | undefined): string | undefined {
  const detail = asObject(asObject(event)?.['detail']);
  const id = asObject(detail?.['metadata'])?.['correlation_id'];
  return typeof id === 'string' ? id : undefined;
}

/**
 * Whether a JSON document carries `id` as a string value anywhere: an execution's input may be the whole
 * event (a rule target), its detail, or a shape the caller chose, so the console does not assume one path.
 */
export function carriesValue(document: Json | undefined, id: string): boolean {
  if (typeof document === 'string') return document === id;
  if (Array.isArray(document)) return document.some((item) => carriesValue(item, id));
  if (document && typeof document === 'object') return Object.values(document).some((value) => carriesValue(value, id));
  return false;
}

/** Parses JSON text, or undefined when it is not JSON (an execution's input may be any string). */
export function parseJson(text: string | undefined): Json | undefined {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function asObject(value: Json | undefined): Record<string, Json> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
