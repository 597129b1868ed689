import type { Json } from '../core/contracts';
import { hasDynamicReference } from './dynamic-reference-syntax';
import { TemplateResolutionError } from './errors';
import { refuseLateValue } from './late-values';

/** `AWS::NoValue`: removes the property (or list element) it stands in. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');
export type Resolved = Json | typeof NO_VALUE;

/** What the intrinsic functions look up; one scope per stack (src/template/stack-scope.ts). */
export interface ResolveScope {
  /** `Ref`: a parameter, a pseudo parameter or a resource. */
  ref(name: string): Resolved;
  getAtt(logicalId: string, attribute: string): Json;
  condition(name: string): boolean;
  importValue(exportName: string): Json;
  /** An output of a stack deployed before this one (`Fn::GetStackOutput`, CDK's weak cross-stack reference). */
  stackOutput(stackName: string, outputName: string): Json;
  findInMap(mapName: string, topKey: string, secondKey: string): Json;
  readonly region: string;
}

type Intrinsic = (args: unknown, scope: ResolveScope) => Resolved;

const INTRINSICS: Record<string, Intrinsic> = {
  Ref: (name, scope) => scope.ref(asString(name, 'Ref')),
  'Fn::GetAtt': (args, scope) => {
    const [logicalId, attribute] = typeof args === 'string' ? splitOnce(args, '.') : asArray(args, 'Fn::GetAtt', 2);
    return scope.getAtt(asString(logicalId, 'Fn::GetAtt'), asString(resolve(attribute, scope), 'Fn::GetAtt'));
  },
  'Fn::Join': (args, scope) => {
    const [delimiter, list] = asArray(args, 'Fn::Join', 2);
    return asArray(resolve(list, scope), 'Fn::Join')
      .map((part) => scalar(part, 'Fn::Join'))
      .join(asString(delimiter, 'Fn::Join'));
  },
  'Fn::Sub': (args, scope) => substitute(args, scope),
  'Fn::Select': (args, scope) => {
    const [index, list] = asArray(args, 'Fn::Select', 2);
    const items = asArray(resolve(list, scope), 'Fn::Select');
    const picked = items[Number(resolve(index, scope))];
    if (picked === undefined) throw new TemplateResolutionError(`Fn::Select index ${String(index)} is out of range`);
    return picked as Json;
  },
  'Fn::Split': (args, scope) => {
    const [delimiter, source] = asArray(args, 'Fn::Split', 2);
    return refuseDynamicReference(refuseLateValue(asString(resolve(source, scope), 'Fn::Split'), 'Fn::Split'), 'Fn::Split').split(
      asString(delimiter, 'Fn::Split'),
    );
  },
  'Fn::If': (args, scope) => {
    const [name, whenTrue, whenFalse] = asArray(args, 'Fn::If', 3);
    return resolve(scope.condition(asString(name, 'Fn::If')) ? whenTrue : whenFalse, scope);
  },
  'Fn::Equals': (args, scope) => {
    const [left, right] = asArray(args, 'Fn::Equals', 2);
    const [a, b] = [JSON.stringify(resolve(left, scope)), JSON.stringify(resolve(right, scope))];
    return refuseDynamicReference(a, 'Fn::Equals') === refuseDynamicReference(b, 'Fn::Equals');
  },
  'Fn::And': (args, scope) => asArray(args, 'Fn::And').every((operand) => condition(operand, scope)),
  'Fn::Or': (args, scope) => asArray(args, 'Fn::Or').some((operand) => condition(operand, scope)),
  'Fn::Not': (args, scope) => !condition(asArray(args, 'Fn::Not', 1)[0], scope),
  'Fn::ImportValue': (name, scope) => scope.importValue(asString(resolve(name, scope), 'Fn::ImportValue')),
  // { StackName, OutputName, Region?, RoleArn? }: one account and region locally, so only the names matter.
  'Fn::GetStackOutput': (args, scope) => {
    const { StackName, OutputName } = resolve(args, scope) as Record<string, Json>;
    return scope.stackOutput(asString(StackName, 'Fn::GetStackOutput'), asString(OutputName, 'Fn::GetStackOutput'));
  },
  'Fn::GetAZs': (region, scope) => {
    const name = asString(resolve(region, scope), 'Fn::GetAZs') || scope.region;
    return ['a', 'b', 'c'].map((zone) => `${name}${zone}`);
  },
  'Fn::Base64': (text, scope) =>
    Buffer.from(refuseDynamicReference(refuseLateValue(asString(resolve(text, scope), 'Fn::Base64'), 'Fn::Base64'), 'Fn::Base64')).toString('base64'),
  'Fn::FindInMap': (args, scope) => {
    const [map, top, second] = asArray(resolve(args, scope), 'Fn::FindInMap', 3);
    return scope.findInMap(
      asString(map, 'Fn::FindInMap'),
      scalar(top, 'Fn::FindInMap'),
      scalar(second, 'Fn::FindInMap'),
    );
  },
  'Fn::ToJsonString': (value, scope) => JSON.stringify(resolve(value, scope)),
  'Fn::Length': (list, scope) => asArray(resolve(list, scope), 'Fn::Length').length,
};

/**
 * Resolves every intrinsic function in a template fragment. Objects with one `Ref`/`Fn::*` key are calls;
 * `AWS::NoValue` removes the key or list element it stands in.
 *
 * @example
 * resolve({ 'Fn::Join': ['-', ['a', { Ref: 'AWS::Region' }]] }, scope); // 'a-us-east-1'
 */
export function resolve(value: unknown, scope: ResolveScope): Resolved {
  if (Array.isArray(value)) return value.map((item) => resolve(item, scope)).filter((item) => item !== NO_VALUE);
  if (value === null || typeof value !== 'object') return value as Json;
  const entries = Object.entries(value);
  const only = entries.length === 1 ? entries[0] : undefined;
  const intrinsic = only ? INTRINSICS[only[0]] : undefined;
  if (only && intrinsic) return intrinsic(only[1], scope);
  const out: Record<string, Json> = {};
  for (const [key, item] of entries) {
    const resolved = resolve(item, scope);
    if (resolved !== NO_VALUE) out[key] = resolved;
  }
  return out;
}

/** Evaluates a condition expression: a condition function or `{ Condition: name }`. */
export function condition(expression: unknown, scope: ResolveScope): boolean {
  if (
    expression &&
    typeof expression === 'object' &&
    'Condition' in expression &&
    Object.keys(expression).length === 1
  ) {
    return scope.condition(asString((expression as { Condition: unknown }).Condition, 'Condition'));
  }
  const value = resolve(expression, scope);
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new TemplateResolutionError(`A condition must be a boolean, got ${JSON.stringify(value)}`);
}

function substitute(args: unknown, scope: ResolveScope): string {
  const [template, variables] = typeof args === 'string' ? [args, {}] : asArray(args, 'Fn::Sub', 2);
  const bound = resolve(variables ?? {}, scope) as Record<string, Json>;
  return asString(template, 'Fn::Sub').replace(/\$\{([^}]+)\}/g, (_match, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const trimmed = name.trim();
    if (trimmed in bound) return scalar(bound[trimmed], 'Fn::Sub');
    if (trimmed.includes('.') && !trimmed.startsWith('AWS::')) {
      const [logicalId, attribute] = splitOnce(trimmed, '.');
      return scalar(scope.getAtt(logicalId, attribute), 'Fn::Sub');
    }
    return scalar(scope.ref(trimmed), 'Fn::Sub');
  });
}

/**
 * Refuses to take apart, encode or compare a dynamic reference (`{{resolve:...}}`): references are read as each
 * service starts, after the template is evaluated, so the function would see the reference, not its value.
 */
function refuseDynamicReference(text: string, fn: string): string {
  if (hasDynamicReference(text)) {
    throw new TemplateResolutionError(
      `${fn} of a dynamic reference (${text}): the local cloud reads dynamic references as each service starts, after the template is evaluated, so ${fn} would see the reference instead of its value`,
    );
  }
  return text;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  if (at < 0) throw new TemplateResolutionError(`Expected "Resource${separator}Attribute", got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function asArray(value: unknown, fn: string, minLength = 0): unknown[] {
  if (!Array.isArray(value) || value.length < minLength) {
    throw new TemplateResolutionError(`${fn} expects a list of at least ${minLength}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function asString(value: unknown, fn: string): string {
  if (typeof value !== 'string')
    throw new TemplateResolutionError(`${fn} expects a string, got ${JSON.stringify(value)}`);
  return value;
}

function scalar(value: unknown, fn: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TemplateResolutionError(`${fn} expects a string or number, got ${JSON.stringify(value)}`);
}
