import type { ErrorObject } from 'ajv';

/**
 * An ajv error in the words API Gateway's validator (a JSON Schema draft 4 validator) uses in
 * `$context.error.validationErrorString`, for the keywords models use most; others keep ajv's message.
 *
 * @example
 * validationMessage({ keyword: 'required', params: { missingProperty: 'items' }, ... }); // 'object has missing required properties (["items"])'
 */
export function validationMessage(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>;
  const at = error.instancePath ? ` at ${error.instancePath}` : '';
  switch (error.keyword) {
    case 'required':
      return `object has missing required properties (${JSON.stringify([p.missingProperty])})${at}`;
    case 'type':
      return `instance type (${typeOf(error.data)}) does not match any allowed primitive type (allowed: ${JSON.stringify([p.type].flat())})${at}`;
    case 'minimum':
      return `numeric instance is lower than the required minimum (minimum: ${String(p.limit)}, found: ${String(error.data)})${at}`;
    case 'maximum':
      return `numeric instance is greater than the required maximum (maximum: ${String(p.limit)}, found: ${String(error.data)})${at}`;
    case 'minItems':
      return `array is too short: must have at least ${String(p.limit)} elements but instance has ${lengthOf(error.data)} elements${at}`;
    case 'maxItems':
      return `array is too long: must have at most ${String(p.limit)} elements but instance has ${lengthOf(error.data)} elements${at}`;
    case 'minLength':
      return `string ${JSON.stringify(error.data)} is too short (length: ${lengthOf(error.data)}, required minimum: ${String(p.limit)})${at}`;
    case 'maxLength':
      return `string ${JSON.stringify(error.data)} is too long (length: ${lengthOf(error.data)}, maximum allowed: ${String(p.limit)})${at}`;
    case 'enum':
      return `instance value (${JSON.stringify(error.data)}) not found in enum (possible values: ${JSON.stringify(p.allowedValues)})${at}`;
    case 'pattern':
      return `ECMA 262 regex "${String(p.pattern)}" does not match input string ${JSON.stringify(error.data)}${at}`;
    case 'additionalProperties':
      return `object instance has properties which are not allowed by the schema: ${JSON.stringify([p.additionalProperty])}${at}`;
    default:
      return `${error.message ?? error.keyword}${at}`;
  }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function lengthOf(value: unknown): number {
  return typeof value === 'string' || Array.isArray(value) ? value.length : 0;
}
