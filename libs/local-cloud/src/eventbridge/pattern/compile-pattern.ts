import { JsonReadError, JsonTokenReader } from './json-token-reader';
import { OPERATORS, readMatchExpression } from './match-expression';
import { toPatternError, unlocatedPatternError } from './pattern-error';
import { tests, type ValueTest } from './value-tests';

/** The conditions a pattern puts on one field, named by its dot-joined path (`detail.state`). */
export interface FieldRule {
  readonly path: string;
  /** The field matches a leaf value that passes any of these. */
  readonly tests: readonly ValueTest[];
  /** `{"exists": false}` is in the list: the field also matches when the event has no leaf at `path`. */
  readonly matchesAbsence: boolean;
}

/** One conjunction of field rules; `$or` expands a pattern into several. */
export type SubRule = ReadonlyMap<string, FieldRule>;

/** A validated, compiled event pattern: it matches an event when any of its sub-rules does. */
export interface CompiledPattern {
  readonly source: string;
  readonly subRules: readonly SubRule[];
}

/** `$or` branches multiply; past this many sub-rules a pattern is refused rather than matched slowly. */
const MAX_SUB_RULES = 1000;

type Rules = Array<Map<string, FieldRule>>;

/**
 * Validates and compiles an event pattern, with EventBridge's content-filtering grammar and its
 * InvalidEventPatternException wording.
 * @throws InvalidEventPatternError when the pattern is not valid
 * @example compilePattern('{"source": ["shop.orders"], "detail": {"total": [{"numeric": [">", 0]}]}}')
 */
export function compilePattern(source: string): CompiledPattern {
  try {
    const reader = new JsonTokenReader(source);
    if (reader.next() !== 'START_OBJECT') reader.fail('Filter is not an object');
    const rules: Rules = [];
    readObject(reader, rules, [], false);
    if (rules.length > MAX_SUB_RULES) throw unlocatedPatternError('Rule is too complex - try using fewer $or branches');
    return { source, subRules: rules };
  } catch (error) {
    if (error instanceof JsonReadError) throw toPatternError(error, source);
    throw error;
  }
}

/** Reads the fields of an object whose `{` was just read, adding them to every rule in `rules`. */
function readObject(reader: JsonTokenReader, rules: Rules, path: string[], insideOr: boolean): void {
  let fields = 0;
  for (let token = reader.next(); token !== 'END_OBJECT'; token = reader.next()) {
    fields++;
    const name = reader.text();
    if (name === '$or') {
      readOr(reader, rules, path);
      continue;
    }
    if (insideOr && OPERATORS.has(name)) reader.fail(`${name} is Ruler reserved fieldName which cannot be used inside $or.`);
    const value = reader.next();
    if (value === 'START_OBJECT') readObject(reader, rules, [...path, name], insideOr);
    else if (value === 'START_ARRAY') addField(rules, readValues(reader, [...path, name].join('.')));
    else reader.fail(`"${name}" must be an object or an array`);
  }
  if (fields === 0) reader.fail('Empty objects are not allowed');
}

/** `"$or": [{…}, {…}]`: every rule so far forks into one copy per branch. */
function readOr(reader: JsonTokenReader, rules: Rules, path: string[]): void {
  const before = rules.splice(0, rules.length);
  if (reader.next() !== 'START_ARRAY') reader.fail('It must be an Array followed with $or.');
  let branches = 0;
  for (let token = reader.next(); token !== 'END_ARRAY'; token = reader.next()) {
    branches++;
    if (token !== 'START_OBJECT') reader.fail('Only JSON object is allowed in array of $or relationship.');
    const branch: Rules = before.length === 0 ? [new Map()] : before.map((rule) => new Map(rule));
    readObject(reader, branch, path, true);
    rules.push(...branch);
    if (rules.length > MAX_SUB_RULES) throw unlocatedPatternError('Rule is too complex - try using fewer $or branches');
  }
  if (branches < 2) reader.fail('There must have at least 2 Objects in $or relationship.');
}

/** Reads a field's list of values; the reader stands just after its `[`. */
function readValues(reader: JsonTokenReader, path: string): FieldRule {
  const valueTests: ValueTest[] = [];
  let matchesAbsence = false;
  let count = 0;
  for (let token = reader.next(); token !== 'END_ARRAY'; token = reader.next()) {
    count++;
    if (token === 'START_OBJECT') {
      const expression = readMatchExpression(reader);
      if (expression.kind === 'absent') matchesAbsence = true;
      else valueTests.push(expression.test);
    } else {
      valueTests.push(readLiteral(reader, token));
    }
  }
  if (count === 0) reader.fail('Empty arrays are not allowed');
  return { path, tests: valueTests, matchesAbsence };
}

function readLiteral(reader: JsonTokenReader, token: string | undefined): ValueTest {
  switch (token) {
    case 'STRING':
      return tests.exactString(reader.text());
    case 'NUMBER':
      return tests.exactNumber(Number(reader.text()));
    case 'TRUE':
    case 'FALSE':
    case 'NULL':
      return tests.exactLiteral(token === 'NULL' ? null : token === 'TRUE');
    default:
      return reader.fail('Match value must be String, number, true, false, or null');
  }
}

/** A field named twice keeps its last conditions, as EventBridge does. */
function addField(rules: Rules, field: FieldRule): void {
  if (rules.length === 0) rules.push(new Map());
  for (const rule of rules) rule.set(field.path, field);
}
