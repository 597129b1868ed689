import { compileCidr } from './cidr';
import { readAnythingBut } from './anything-but';
import type { JsonTokenReader } from './json-token-reader';
import { readNumeric } from './numeric-expression';
import { closeExpression, readString, wildcardTest } from './expression-reading';
import { tests, type ValueTest } from './value-tests';

/** What one `{ "<operator>": … }` object in a field's value list compiles to. @internal */
export type MatchExpression = { readonly kind: 'test'; readonly test: ValueTest } | { readonly kind: 'absent' };

/** The operator names, which `$or` branches may not use as field names. @internal */
export const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'wildcard',
  'anything-but',
  'numeric',
  'cidr',
  'exists',
]);

/**
 * Reads a match expression; the reader stands just after its opening `{`.
 * @internal
 */
export function readMatchExpression(reader: JsonTokenReader): MatchExpression {
  if (reader.next() !== 'FIELD_NAME') reader.fail('Match expression name not found');
  const operator = reader.text();
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return test(readAffix(reader, operator));
    case 'equals-ignore-case':
      return test(tests.equalsIgnoreCase(readString(reader, 'equals-ignore-case match pattern must be a string')));
    case 'wildcard':
      return test(readWildcard(reader));
    case 'numeric':
      return test(readNumeric(reader));
    case 'cidr':
      // EventBridge's own wording for a non-string CIDR, prefix and all.
      return test(tests.cidr(compileCidr(readString(reader, 'prefix match pattern must be a string'))));
    case 'anything-but':
      return test(readAnythingBut(reader));
    case 'exists':
      return readExists(reader);
    default:
      return reader.fail(`Unrecognized match type ${operator}`);
  }
}

function test(valueTest: ValueTest): MatchExpression {
  return { kind: 'test', test: valueTest };
}

/** `{"prefix": "x"}` or `{"prefix": {"equals-ignore-case": "x"}}`, and the same for suffix. */
function readAffix(reader: JsonTokenReader, operator: 'prefix' | 'suffix'): ValueTest {
  const make = operator === 'prefix' ? tests.prefix : tests.suffix;
  const token = reader.next();
  if (token === 'STRING') {
    const value = reader.text();
    closeExpression(reader);
    return make(value, false);
  }
  if (token !== 'START_OBJECT') return reader.fail(`${operator} match pattern must be a string`);
  if (reader.next() !== 'FIELD_NAME') reader.fail(`${operator} match pattern must be a string`);
  const inner = reader.text();
  if (inner !== 'equals-ignore-case') reader.fail(`Unsupported ${operator} pattern: ${inner}`);
  const value = readString(reader, 'equals-ignore-case match pattern must be a string');
  closeExpression(reader);
  return make(value, true);
}

function readWildcard(reader: JsonTokenReader): ValueTest {
  if (reader.next() !== 'STRING') reader.fail('wildcard match pattern must be a string');
  const valueTest = wildcardTest(reader, reader.text());
  closeExpression(reader);
  return valueTest;
}

function readExists(reader: JsonTokenReader): MatchExpression {
  const token = reader.next();
  if (token !== 'TRUE' && token !== 'FALSE') reader.fail('exists match pattern must be either true or false.');
  closeExpression(reader);
  return token === 'TRUE' ? test(tests.exists()) : { kind: 'absent' };
}
