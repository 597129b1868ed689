import { unlocatedPatternError } from './pattern-error';

/**
 * EventBridge refuses wildcard values whose matching could branch too much ("Rule is too complex").
 * AWS measures this on its state machine; we approximate it by the number of wildcard characters,
 * which refuses AWS's own documented example of a too-complex value (`*:*:*:*:*:event-bus/*`).
 */
const MAX_WILDCARDS = 5;

/** A wildcard value problem; `position` is EventBridge's "pos", a byte offset counting the opening quote. @internal */
export class WildcardSyntaxError extends Error {
  override readonly name = 'WildcardSyntaxError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Compiles a wildcard value (`*` matches any run of characters, `\*` a literal asterisk, `\\` a literal
 * backslash) into an anchored regular expression.
 * @example compileWildcard('dir/*.png').test('dir/a.png') // true
 * @internal
 */
export function compileWildcard(value: string): RegExp {
  let regex = '';
  let wildcards = 0;
  const chars = Array.from(value);
  let offset = 1; // EventBridge counts positions in the quoted UTF-8 value
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '*') {
      if (chars[i + 1] === '*') throw new WildcardSyntaxError(`Consecutive wildcard characters at pos ${offset}`);
      regex += '.*';
      wildcards++;
    } else if (c === '\\') {
      const next = chars[i + 1];
      if (next !== '*' && next !== '\\') throw new WildcardSyntaxError(`Invalid escape character at pos ${offset}`);
      regex += escapeRegex(next);
      offset += 1;
      i++;
    } else {
      regex += escapeRegex(c);
    }
    offset += Buffer.byteLength(c);
  }
  if (wildcards > MAX_WILDCARDS) {
    throw unlocatedPatternError(
      'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
    );
  }
  return new RegExp(`^${regex}$`, 'su');
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
