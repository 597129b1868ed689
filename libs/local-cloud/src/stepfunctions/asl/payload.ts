import type { Json } from '../../core/contracts';
import { runtimeError } from './errors';
import { checkIntrinsic, evaluateIntrinsic, isIntrinsic } from './intrinsics';
import { requirePath, type ContextObject } from './json-path';

/**
 * Builds a payload template (Parameters, ResultSelector, ItemSelector): a key ending in `.$` takes the value
 * of its path (`$`, `$$`) or intrinsic function and loses the suffix; everything else is copied.
 *
 * @example
 * resolvePayload({ 'id.$': '$.order.id', kind: 'x' }, { order: { id: 'o-1' } }, {}); // { id: 'o-1', kind: 'x' }
 */
export function resolvePayload(template: Json, input: Json, context: ContextObject): Json {
  if (Array.isArray(template)) return template.map((item) => resolvePayload(item, input, context));
  if (template === null || typeof template !== 'object') return template;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) {
      out[key] = resolvePayload(value, input, context);
      continue;
    }
    const name = key.slice(0, -2);
    if (typeof value !== 'string') throw runtimeError(`The value of the field '${key}' must be a path or an intrinsic function`);
    out[name] = isIntrinsic(value) ? evaluateIntrinsic(value, input, context) : requirePath(value, input, context, key);
  }
  return out;
}

/** Load-time check of a payload template: every `.$` value is a path or a well-formed intrinsic. */
export function checkPayload(template: Json, where: string): void {
  if (Array.isArray(template)) return template.forEach((item) => checkPayload(item, where));
  if (template === null || typeof template !== 'object') return;
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$')) {
      checkPayload(value, where);
      continue;
    }
    if (typeof value !== 'string' || !(value.startsWith('$') || isIntrinsic(value))) {
      throw runtimeError(`${where}: the value of '${key}' must be a JSONPath or an intrinsic function`);
    }
    if (isIntrinsic(value)) checkIntrinsic(value);
  }
}
