import type { Json } from '../../core/contracts';
import { ValidationError } from '../errors';
import { compilePattern, matchesPattern } from '../pattern';

/** The fields TestEventPattern's documentation makes mandatory in the event. */
const MANDATORY_FIELDS = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'] as const;

/**
 * TestEventPattern: whether the pattern matches the event. The event must be a JSON object holding the
 * documented mandatory fields; a `detail` given as a string is compared as a string, never parsed.
 * @throws InvalidEventPatternError for an invalid pattern, ValidationError for an invalid event
 * @example testEventPattern('{"source": ["a"]}', JSON.stringify(fullEvent)) // true when fullEvent.source is 'a'
 */
export function testEventPattern(eventPattern: string, event: string): boolean {
  const pattern = compilePattern(eventPattern);
  const parsed = parseEvent(event);
  return matchesPattern(pattern, parsed);
}

function parseEvent(event: string): Json {
  let parsed: Json;
  try {
    parsed = JSON.parse(event) as Json;
  } catch (error) {
    throw new ValidationError('Parameter Event is not valid.', { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ValidationError('Parameter Event is not valid.');
  const missing = MANDATORY_FIELDS.filter((field) => !(field in parsed));
  if (missing.length > 0) throw new ValidationError('Parameter Event is not valid.');
  return parsed;
}
