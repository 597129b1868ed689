import type { Json, JsonObject } from '../../core/contracts';
import { ERRORS, runtimeError, StatesError } from './errors';
import { queryPath, requirePath, type ContextObject } from './json-path';
import type { StateDefinition } from './types';

type Kind = 'String' | 'Numeric' | 'Boolean' | 'Timestamp';
type Op = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals';

const KINDS: readonly Kind[] = ['String', 'Numeric', 'Boolean', 'Timestamp'];
const OPS: readonly Op[] = ['Equals', 'LessThanEquals', 'GreaterThanEquals', 'LessThan', 'GreaterThan'];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const TYPE_TESTS: Record<string, (value: Json | undefined) => boolean> = {
  IsNull: (v) => v === null,
  IsPresent: (v) => v !== undefined,
  IsNumeric: (v) => typeof v === 'number',
  IsString: (v) => typeof v === 'string',
  IsBoolean: (v) => typeof v === 'boolean',
  IsTimestamp: (v) => typeof v === 'string' && isTimestamp(v),
};

function isTimestamp(value: string): boolean {
  return RFC3339.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The state a Choice state goes to for this (effective) input: the first matching rule's `Next`, else
 * `Default`, else `States.NoChoiceMatched`. Comparisons of mismatched types are false, as documented.
 *
 * @example
 * chooseNext({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }], Default: 'Small' }, { n: 2 }, {}); // 'Big'
 */
export function chooseNext(state: StateDefinition, input: Json, context: ContextObject): string {
  for (const rule of state.Choices ?? []) {
    if (matchesRule(rule, input, context)) return String(rule.Next);
  }
  if (state.Default) return state.Default;
  throw new StatesError(ERRORS.noChoiceMatched, `No Choice Rules matched and no Default was specified for input '${JSON.stringify(input)}'`);
}

function matchesRule(rule: JsonObject, input: Json, context: ContextObject): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r) => matchesRule(r as JsonObject, input, context));
  if (Array.isArray(rule.Or)) return rule.Or.some((r) => matchesRule(r as JsonObject, input, context));
  if (rule.Not && typeof rule.Not === 'object') return !matchesRule(rule.Not as JsonObject, input, context);
  const variable = String(rule.Variable);
  for (const [test, check] of Object.entries(TYPE_TESTS)) {
    if (test in rule) return check(queryPath(variable, input, context)) === rule[test];
  }
  const value = requirePath(variable, input, context, 'Variable');
  if (typeof rule.StringMatches === 'string') return typeof value === 'string' && wildcard(rule.StringMatches).test(value);
  for (const kind of KINDS) {
    for (const op of OPS) {
      const key = `${kind}${op}`;
      if (key in rule) return compare(kind, op, value, rule[key]);
      if (`${key}Path` in rule) return compare(kind, op, value, requirePath(String(rule[`${key}Path`]), input, context, `${key}Path`));
    }
  }
  throw runtimeError(`Unsupported Choice rule ${JSON.stringify(rule)}`);
}

function compare(kind: Kind, op: Op, left: Json, right: Json | undefined): boolean {
  const pair = comparable(kind, left, right);
  if (!pair) return false;
  const [a, b] = pair;
  switch (op) {
    case 'Equals':
      return a === b;
    case 'LessThan':
      return a < b;
    case 'GreaterThan':
      return a > b;
    case 'LessThanEquals':
      return a <= b;
    case 'GreaterThanEquals':
      return a >= b;
  }
}

function comparable(kind: Kind, left: Json, right: Json | undefined): [string | number | boolean, string | number | boolean] | undefined {
  if (kind === 'String' && typeof left === 'string' && typeof right === 'string') return [left, right];
  if (kind === 'Numeric' && typeof left === 'number' && typeof right === 'number') return [left, right];
  if (kind === 'Boolean' && typeof left === 'boolean' && typeof right === 'boolean') return [left, right];
  if (kind === 'Timestamp' && typeof left === 'string' && typeof right === 'string' && isTimestamp(left) && isTimestamp(right)) {
    return [Date.parse(left), Date.parse(right)];
  }
  return undefined;
}

/** StringMatches: `*` matches any run of characters; `\*` and `\\` are a literal star and backslash. */
function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i]!;
    if (char === '\\' && (pattern[i + 1] === '*' || pattern[i + 1] === '\\')) {
      source += `\\${pattern[i + 1]}`;
      i += 1;
    } else if (char === '*') source += '.*';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
