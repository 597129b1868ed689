import type { Json } from '../core/contracts';
import { TemplateResolutionError } from './errors';

/**
 * A value only a custom resource's response tells: its `Ref` (the PhysicalResourceId it answers) or one of
 * its `Fn::GetAtt` attributes (a key of the Data it answers). The resolver leaves a placeholder (`token`)
 * where the value goes; whoever learns the value settles it (src/cloudformation, then LocalCloud's outputs).
 */
export interface LateReference {
  readonly token: string;
  readonly stackName: string;
  readonly logicalId: string;
  /** The `Fn::GetAtt` attribute; absent for `Ref`. */
  readonly attribute?: string;
}

const MARK = '{{local-cloud:late:';
const TOKEN = /\{\{local-cloud:late:([^/{}]+)\/([A-Za-z0-9]+)(?:\.([^{}]+))?\}\}/g;

/**
 * The placeholder of a custom resource's `Ref` (no attribute) or `Fn::GetAtt` value.
 *
 * @example
 * lateValueToken('Orders', 'Seed', 'TableArn'); // '{{local-cloud:late:Orders/Seed.TableArn}}'
 */
export function lateValueToken(stackName: string, logicalId: string, attribute?: string): string {
  return `${MARK}${stackName}/${logicalId}${attribute === undefined ? '' : `.${attribute}`}}}`;
}

/**
 * The late values a resolved fragment waits for, in order of appearance (repeats included).
 *
 * @example
 * lateReferencesIn({ Greeting: '{{local-cloud:late:Orders/Seed.Greeting}}' }); // [{ logicalId: 'Seed', attribute: 'Greeting', ... }]
 */
export function lateReferencesIn(value: Json): LateReference[] {
  if (typeof value === 'string') return [...value.matchAll(TOKEN)].map(toReference);
  if (Array.isArray(value)) return value.flatMap(lateReferencesIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(lateReferencesIn);
  return [];
}

/**
 * Replaces every placeholder in a resolved fragment with the value `valueOf` gives for it.
 *
 * @example
 * settleLateValues(outputs, (ref) => known.get(ref.token) ?? unresolvedValue(ref));
 */
export function settleLateValues(value: Json, valueOf: (ref: LateReference) => string): Json {
  if (typeof value === 'string')
    return value.includes(MARK) ? value.replace(TOKEN, (...match: string[]) => valueOf(toReference(match))) : value;
  if (Array.isArray(value)) return value.map((item) => settleLateValues(item, valueOf));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, settleLateValues(item, valueOf)]));
  return value;
}

/** What stands in for a late value nothing settled, as for any attribute that cannot be known locally. */
export const unresolvedValue = (ref: LateReference): string => `unresolved:${ref.logicalId}.${ref.attribute ?? 'Ref'}`;

/**
 * Refuses to take a placeholder apart (`Fn::Split`, `Fn::Base64`): the parts would no longer be a placeholder,
 * and the value they stand for is only known once the custom resource has run.
 */
export function refuseLateValue(value: string, fn: string): string {
  const [ref] = lateReferencesIn(value);
  if (ref) {
    const what = ref.attribute === undefined ? `Ref ${ref.logicalId}` : `Fn::GetAtt ${ref.logicalId}.${ref.attribute}`;
    throw new TemplateResolutionError(
      `${fn} of ${what} in ${ref.stackName}: a custom resource's values are known only once it has run, and local-cloud cannot take them apart`,
    );
  }
  return value;
}

function toReference(match: readonly (string | undefined)[]): LateReference {
  const [token = '', stackName = '', logicalId = '', attribute] = match;
  return { token, stackName, logicalId, ...(attribute !== undefined && { attribute }) };
}
