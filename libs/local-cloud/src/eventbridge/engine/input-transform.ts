import type { Json } from '../../core/contracts';
import { readJsonPath } from './json-path';
import type { EventEnvelope, Target } from './types';

export interface TransformContext {
  readonly event: EventEnvelope;
  readonly ruleName: string;
  readonly ruleArn: string;
  /** When EventBridge received the event (ISO 8601). */
  readonly ingestionTime: string;
}

/** A variable whose path found nothing in the event: it is left out of the output. */
const MISSING = Symbol('missing');
type Variable = Json | typeof MISSING;

/**
 * The text EventBridge sends a target for an event: the event itself, the constant `Input`, the part of
 * the event at `InputPath`, or the `InputTransformer` template filled from `InputPathsMap` and the
 * predefined `aws.events.*` variables.
 * @example targetInput({ Id: 't', Arn: 'arn', InputPath: '$.detail' }, context) // '{"state":"RUNNING"}'
 */
export function targetInput(target: Target, context: TransformContext): string {
  if (target.Input !== undefined) return target.Input;
  if (target.InputPath !== undefined) return JSON.stringify(readJsonPath(toJson(context.event), target.InputPath) ?? null);
  if (target.InputTransformer) {
    const variables = collectVariables(target.InputTransformer.InputPathsMap ?? {}, context);
    return fillTemplate(target.InputTransformer.InputTemplate, variables);
  }
  return JSON.stringify(context.event);
}

function collectVariables(paths: Readonly<Record<string, string>>, context: TransformContext): Map<string, Variable> {
  const event = toJson(context.event);
  const variables = new Map<string, Variable>();
  for (const [name, path] of Object.entries(paths)) variables.set(name, readJsonPath(event, path) ?? MISSING);
  const withoutDetail = Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'detail'));
  // Set last: the predefined variables are reserved and cannot be overwritten by InputPathsMap.
  variables.set('aws.events.rule-arn', context.ruleArn);
  variables.set('aws.events.rule-name', context.ruleName);
  variables.set('aws.events.event.ingestion-time', context.ingestionTime);
  variables.set('aws.events.event', withoutDetail);
  variables.set('aws.events.event.json', event);
  return variables;
}

/**
 * Replaces `<name>` placeholders. Outside a JSON string a value is written as JSON (strings quoted);
 * inside one it is written raw and unescaped, as EventBridge does, with the quotes of an object or array
 * removed. A variable whose path found nothing becomes `null` outside strings and nothing inside them.
 * Angle-bracketed text that names no variable is left as it is.
 */
export function fillTemplate(template: string, variables: ReadonlyMap<string, Variable>): string {
  let output = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i] ?? '';
    const placeholder = c === '<' ? /^<([^<>\s]+)>/.exec(template.slice(i)) : null;
    const name = placeholder?.[1];
    if (placeholder && name !== undefined && variables.has(name)) {
      output += render(variables.get(name) ?? MISSING, inString);
      i += placeholder[0].length - 1;
      continue;
    }
    if (c === '\\' && inString) {
      output += c + (template[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') inString = !inString;
    output += c;
  }
  return output;
}

function render(value: Variable, inString: boolean): string {
  if (value === MISSING) return inString ? '' : 'null';
  if (!inString) return JSON.stringify(value);
  if (typeof value === 'string') return value;
  const json = JSON.stringify(value);
  return value !== null && typeof value === 'object' ? json.replace(/"/g, '') : json;
}

function toJson(event: EventEnvelope): Record<string, Json> {
  return JSON.parse(JSON.stringify(event)) as Record<string, Json>;
}
