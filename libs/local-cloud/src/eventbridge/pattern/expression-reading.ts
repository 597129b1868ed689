import type { JsonTokenReader } from './json-token-reader';
import { tests, type ValueTest } from './value-tests';
import { compileWildcard, WildcardSyntaxError } from './wildcard';

/** Reads a string operand followed by the expression's closing `}`. @internal */
export function readString(reader: JsonTokenReader, wrongType: string): string {
  if (reader.next() !== 'STRING') reader.fail(wrongType);
  const value = reader.text();
  closeExpression(reader);
  return value;
}

/** Compiles a wildcard value; its syntax errors point just after the value. @internal */
export function wildcardTest(reader: JsonTokenReader, value: string): ValueTest {
  try {
    return tests.wildcard(compileWildcard(value));
  } catch (error) {
    if (error instanceof WildcardSyntaxError) return reader.fail(error.reason);
    throw error;
  }
}

/** @internal */
export function closeExpression(reader: JsonTokenReader): void {
  if (reader.next() !== 'END_OBJECT') reader.fail('Only one key allowed in match expression');
}

