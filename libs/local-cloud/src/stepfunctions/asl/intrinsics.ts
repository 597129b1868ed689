import type { Json } from '../../core/contracts';
import { intrinsicFailure } from './errors';
import { INTRINSICS } from './intrinsic-functions';
import { countCalls, parseIntrinsic, type IntrinsicNode } from './intrinsic-parser';
import { requirePath, type ContextObject } from './json-path';

const MAX_CALLS = 10;
const FORMAT = 'States.Format';

/** Whether a `.$` value is an intrinsic invocation rather than a path. */
export function isIntrinsic(expression: string): boolean {
  return expression.startsWith('States.');
}

/**
 * Checks an intrinsic invocation when a state machine loads: syntax, known function names and the
 * documented nesting limit, so a definition the service would reject is refused before it runs.
 *
 * @example
 * checkIntrinsic("States.Format('{}', $.a)"); // ok; throws States.IntrinsicFailure for 'States.Nope()'
 */
export function checkIntrinsic(expression: string): void {
  const call = parseIntrinsic(expression);
  if (countCalls(call) > MAX_CALLS) throw intrinsicFailure(`More than ${MAX_CALLS} nested intrinsic functions in '${expression}'`);
  const visit = (node: IntrinsicNode): void => {
    if (node.kind !== 'call') return;
    if (node.name !== FORMAT && !INTRINSICS[node.name]) throw intrinsicFailure(`Unknown intrinsic function '${node.name}'`);
    node.args.forEach(visit);
  };
  visit(call);
}

/**
 * Evaluates an intrinsic invocation against a state's input and context object, as documented under
 * "Intrinsic functions" (including the reserved-character escapes of string literals).
 *
 * @example
 * evaluateIntrinsic("States.Format('Hello, {}', $.name)", { name: 'Arnav' }, {}); // 'Hello, Arnav'
 */
export function evaluateIntrinsic(expression: string, input: Json, context: ContextObject): Json {
  checkIntrinsic(expression);
  return evaluate(parseIntrinsic(expression), input, context, expression);
}

function evaluate(node: IntrinsicNode, input: Json, context: ContextObject, field: string): Json {
  switch (node.kind) {
    case 'string':
    case 'literal':
      return node.value;
    case 'path':
      return requirePath(node.path, input, context, field);
    case 'call': {
      const args = node.args.map((arg) => evaluate(arg, input, context, field));
      if (node.name === FORMAT) return format(node.args[0], args);
      return INTRINSICS[node.name]!(args, node.name);
    }
  }
}

function format(template: IntrinsicNode | undefined, args: Json[]): string {
  const [first, ...values] = args;
  if (typeof first !== 'string') throw intrinsicFailure(`Invalid arguments in ${FORMAT}: the first argument must be a string`);
  const parts = template?.kind === 'string' ? template.formatParts : first.split('{}');
  if (parts.length - 1 !== values.length) {
    throw intrinsicFailure(`Invalid arguments in ${FORMAT}: the template has ${parts.length - 1} placeholder(s) but ${values.length} value(s) were given`);
  }
  return parts.reduce((text, part, i) => {
    if (i === 0) return part;
    const value = values[i - 1];
    return text + (typeof value === 'string' ? value : JSON.stringify(value)) + part;
  }, '');
}
