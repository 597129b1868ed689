// @internal Evaluates the payload templates of a JSONPath state (Parameters, ResultSelector, a Fail's paths) for
// a given state input and context object, as Step Functions does, for the few paths and intrinsic functions the
// orders workflows use. Anything else throws, so a test can never pass on a template this does not understand.

type Json = unknown;

/** @internal What a template is evaluated against: the state's input and the context object (`$$`). */
export interface PayloadScope {
  readonly input: Json;
  readonly context: Json;
}

function readPath(root: Json, path: string): Json {
  const segments = path === '' ? [] : path.replace(/^\./, '').split('.');
  let value = root;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object' || !(segment in value)) {
      throw new Error(`Path ${path} is not in ${JSON.stringify(root)}`);
    }
    value = (value as Record<string, Json>)[segment];
  }
  return value;
}

/** Splits an intrinsic's argument list at its top-level commas. */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted && char === '\\') {
      current += char + (text[++i] ?? '');
      continue;
    }
    if (char === "'") quoted = !quoted;
    if (!quoted && char === '(') depth++;
    if (!quoted && char === ')') depth--;
    if (!quoted && depth === 0 && char === ',') {
      parts.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

const unescape = (literal: string) => literal.slice(1, -1).replace(/\\(['{}\\])/g, '$1');

const INTRINSICS: Record<string, (args: Json[]) => Json> = {
  'States.Format': ([template, ...values]) => {
    let index = 0;
    return String(template).replace(/\{\}/g, () => {
      const value = values[index++];
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  },
  'States.JsonToString': ([value]) => JSON.stringify(value),
  'States.StringToJson': ([text]) => JSON.parse(String(text)),
  'States.Array': (values) => values,
};

/** @internal One `.$` value: a path of the input (`$.a.b`), of the context (`$$.Execution.Id`) or an intrinsic. */
export function evaluate(expression: string, scope: PayloadScope): Json {
  const text = expression.trim();
  if (text.startsWith("'")) return unescape(text);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text.startsWith('$$')) return readPath(scope.context, text.slice(2));
  if (text.startsWith('$')) return readPath(scope.input, text.slice(1));
  const call = /^(States\.\w+)\((.*)\)$/s.exec(text);
  const intrinsic = call && INTRINSICS[call[1] as string];
  if (!call || !intrinsic) throw new Error(`Not understood: ${text}`);
  return intrinsic(splitArguments(call[2] as string).map((argument) => evaluate(argument, scope)));
}

/** @internal A payload template with every `key.$` evaluated and renamed `key`. */
export function renderPayload(template: Json, scope: PayloadScope): Json {
  if (Array.isArray(template)) return template.map((item) => renderPayload(item, scope));
  if (template === null || typeof template !== 'object') return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) =>
      key.endsWith('.$') ? [key.slice(0, -2), evaluate(value as string, scope)] : [key, renderPayload(value, scope)],
    ),
  );
}
