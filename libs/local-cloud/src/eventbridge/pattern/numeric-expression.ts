import type { JsonTokenReader } from './json-token-reader';
import { comparableKey, isComparable, OUT_OF_RANGE, type NumericBound, type NumericRange } from './numbers';
import { tests, type ValueTest } from './value-tests';

const TOO_MANY = 'Too many elements in numeric expression';

/**
 * Reads `"numeric": ["=", 5]`, `[">", 0]`, `[">=", 0, "<", 10]`, `["<=", 5]`…: a lower bound may be
 * followed by an upper bound, never the other way round. The reader stands just after `"numeric":`.
 * @internal
 */
export function readNumeric(reader: JsonTokenReader): ValueTest {
  if (reader.next() !== 'START_ARRAY') reader.fail('Value of numeric must be an array.');
  const range = readRange(reader);
  if (reader.next() !== 'END_OBJECT') reader.fail(TOO_MANY);
  return tests.numeric(range);
}

function readRange(reader: JsonTokenReader): NumericRange {
  const first = reader.next();
  const operator = reader.text();
  if (first !== 'STRING') reader.fail(`Invalid member in numeric match: ${first ? operator : ''}`);
  switch (operator) {
    case '=': {
      const value = readOperand(reader, 'Value of equals must be numeric');
      expectEnd(reader, TOO_MANY);
      return { lower: { value, inclusive: true }, upper: { value, inclusive: true } };
    }
    case '>':
    case '>=':
      return readFromLowerBound(reader, { value: readOperand(reader, `Value of ${operator} must be numeric`), inclusive: operator === '>=' });
    case '<':
    case '<=': {
      const value = readOperand(reader, `Value of ${operator} must be numeric`);
      expectEnd(reader, TOO_MANY);
      return { upper: { value, inclusive: operator === '<=' } };
    }
    default:
      return reader.fail(`Unrecognized numeric range operator: ${operator}`);
  }
}

function readFromLowerBound(reader: JsonTokenReader, lower: NumericBound): NumericRange {
  const token = reader.next();
  if (token === 'END_ARRAY') return { lower };
  const operator = reader.text();
  if (token !== 'STRING') reader.fail(`Bad value in numeric range: ${operator}`);
  if (operator !== '<' && operator !== '<=') reader.fail(`Bad numeric range operator: ${operator}`);
  const upper = { value: readOperand(reader, `Value of ${operator} must be numeric`), inclusive: operator === '<=' };
  expectEnd(reader, 'Too many terms in numeric range expression');
  if (comparableKey(lower.value) >= comparableKey(upper.value)) reader.fail('Bottom must be less than top');
  return { lower, upper };
}

function readOperand(reader: JsonTokenReader, notNumeric: string): number {
  if (reader.next() !== 'NUMBER') reader.fail(notNumeric);
  const value = Number(reader.text());
  if (!isComparable(value)) reader.fail(OUT_OF_RANGE);
  return value;
}

function expectEnd(reader: JsonTokenReader, message: string): void {
  if (reader.next() !== 'END_ARRAY') reader.fail(message);
}
