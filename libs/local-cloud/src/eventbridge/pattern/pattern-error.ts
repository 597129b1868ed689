import { InvalidEventPatternError } from '../errors';
import { JsonReadError } from './json-token-reader';

/** Jackson quotes at most this many characters of the source in its locations. */
const MAX_QUOTED_SOURCE = 500;

/**
 * Words a pattern problem the way EventBridge does: `Event pattern is not valid. Reason: <why>` followed,
 * when the problem has a place in the pattern, by Jackson's `at [Source: (String)"…"; line: L, column: C]`.
 * @internal
 */
export function toPatternError(error: JsonReadError, source: string): InvalidEventPatternError {
  const location = `\n at [Source: ${describeSource(source)}; line: ${error.line}, column: ${error.column}]`;
  const message = `Event pattern is not valid. Reason: ${error.reason}${location}${error.repeatLocation ? location : ''}`;
  return new InvalidEventPatternError(error.reason, message, { cause: error });
}

/** A pattern problem that EventBridge reports without a location (CIDR and wildcard-complexity checks). */
export function unlocatedPatternError(reason: string): InvalidEventPatternError {
  return new InvalidEventPatternError(reason, `Event pattern is not valid. Reason: ${reason}`);
}

function describeSource(source: string): string {
  if (source.length <= MAX_QUOTED_SOURCE) return `(String)"${source}"`;
  const truncated = source.length - MAX_QUOTED_SOURCE;
  return `(String)"${source.slice(0, MAX_QUOTED_SOURCE)}"[truncated ${truncated} chars]`;
}
