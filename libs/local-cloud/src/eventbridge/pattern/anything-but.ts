import { closeExpression, wildcardTest } from './expression-reading';
import { JsonReadError, type JsonToken, type JsonTokenReader } from './json-token-reader';
import { isComparable, OUT_OF_RANGE } from './numbers';
import { tests, type ValueTest } from './value-tests';

const NOT_A_VALUE = 'Value of anything-but must be an array or single string/number value.';
const AFFIX_NOT_STRING = 'prefix/suffix match pattern must be a string';
const IGNORE_CASE_NOT_STRING = 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';

/**
 * Reads the operand of `anything-but`: a string, a number, a list of only strings or only numbers, or
 * `{"prefix" | "suffix" | "equals-ignore-case" | "wildcard": string or list of strings}`.
 * The result matches every leaf value the operand does not (null, booleans and other types included).
 * @internal
 */
export function readAnythingBut(reader: JsonTokenReader): ValueTest {
  const token = reader.next();
  const excluded = token === 'START_OBJECT' ? readNested(reader) : readPlain(reader, token);
  if (reader.next() !== 'END_OBJECT') reader.fail('Too many elements in numeric expression');
  return tests.noneOf(excluded);
}

function readPlain(reader: JsonTokenReader, token: JsonToken | undefined): ValueTest[] {
  if (token === 'STRING') return [tests.exactString(reader.text())];
  if (token === 'NUMBER') return [tests.exactNumber(comparableNumber(reader))];
  if (token !== 'START_ARRAY') return reader.fail(NOT_A_VALUE);
  const kinds = new Set<'string' | 'number'>();
  const excluded: ValueTest[] = [];
  for (let next = reader.next(); next !== 'END_ARRAY'; next = reader.next()) {
    if (next === 'STRING') {
      kinds.add('string');
      excluded.push(tests.exactString(reader.text()));
    } else if (next === 'NUMBER') {
      kinds.add('number');
      excluded.push(tests.exactNumber(comparableNumber(reader)));
    } else {
      failInList(reader, 'Inside anything but list, start|null|boolean is not supported.');
    }
  }
  if (kinds.size !== 1) {
    reader.fail('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  return excluded;
}

function readNested(reader: JsonTokenReader): ValueTest[] {
  if (reader.next() !== 'FIELD_NAME') reader.fail('Anything-But expression name not found');
  const operator = reader.text();
  const read = NESTED[operator];
  if (!read) return reader.fail(`Unsupported anything-but pattern: ${operator}`);
  const excluded = read(reader);
  closeExpression(reader);
  return excluded;
}

type NestedReader = (reader: JsonTokenReader) => ValueTest[];

const NESTED: Record<string, NestedReader> = {
  prefix: (reader) => readStrings(reader, AFFIX_NOT_STRING, (r, v) => tests.prefix(nonEmpty(r, v), false)),
  suffix: (reader) => readStrings(reader, AFFIX_NOT_STRING, (r, v) => tests.suffix(nonEmpty(r, v), false)),
  'equals-ignore-case': (reader) => readStrings(reader, IGNORE_CASE_NOT_STRING, (_r, v) => tests.equalsIgnoreCase(v)),
  wildcard: (reader) => readStrings(reader, 'wildcard match pattern must be a string', wildcardTest),
};

/** One string, or a list of strings, each compiled by `compile`. */
function readStrings(
  reader: JsonTokenReader,
  wrongType: string,
  compile: (reader: JsonTokenReader, value: string) => ValueTest,
): ValueTest[] {
  const token = reader.next();
  if (token === 'STRING') return [compile(reader, reader.text())];
  if (token === 'START_OBJECT') return reader.fail(NOT_A_VALUE);
  if (token !== 'START_ARRAY') return reader.fail(wrongType);
  const excluded: ValueTest[] = [];
  for (let next = reader.next(); next !== 'END_ARRAY'; next = reader.next()) {
    if (next !== 'STRING') failInList(reader, wrongType);
    excluded.push(compile(reader, reader.text()));
  }
  return excluded;
}

function nonEmpty(reader: JsonTokenReader, value: string): string {
  if (value === '') reader.fail('Null prefix/suffix not allowed');
  return value;
}

function comparableNumber(reader: JsonTokenReader): number {
  const value = Number(reader.text());
  if (!isComparable(value)) reader.fail(OUT_OF_RANGE);
  return value;
}

/** EventBridge re-wraps errors found inside these lists, so their location is printed twice. */
function failInList(reader: JsonTokenReader, reason: string): never {
  try {
    return reader.fail(reason);
  } catch (error) {
    if (!(error instanceof JsonReadError)) throw error;
    throw new JsonReadError(error.reason, error.line, error.column, true);
  }
}
