import type { Json } from '../../core/contracts';

/** An attribute's definition in a feature-flags document. */
export interface AttributeDefinition {
  readonly description?: string;
  readonly constraints?: {
    readonly type?: 'string' | 'number' | 'boolean' | 'string[]' | 'number[]';
    readonly required?: boolean;
    readonly pattern?: string;
    readonly enum?: readonly (string | number)[];
    readonly minimum?: number;
    readonly maximum?: number;
  };
}

/**
 * Why a value breaks its attribute's constraints (type, required, pattern, enum, minimum, maximum, applied
 * to each element of an array type), or undefined when it meets them.
 *
 * @example
 * constraintViolation({ constraints: { type: 'number', minimum: 1 } }, 0); // 'must be at least 1'
 */
export function constraintViolation(attribute: AttributeDefinition, value: Json | undefined): string | undefined {
  const c = attribute.constraints ?? {};
  if (value === undefined || value === null) return c.required ? 'is required' : undefined;
  if (!c.type) return undefined;
  const elementType = c.type.endsWith('[]') ? c.type.slice(0, -2) : undefined;
  if (elementType) {
    if (!Array.isArray(value)) return `must be a ${c.type}`;
    return value.map((item) => scalarViolation(elementType, item, c)).find((problem) => problem !== undefined);
  }
  return scalarViolation(c.type, value, c);
}

function scalarViolation(type: string, value: Json, c: NonNullable<AttributeDefinition['constraints']>): string | undefined {
  if (typeof value !== type) return `must be a ${type}`;
  if (c.enum && !c.enum.includes(value as string | number)) return `must be one of ${c.enum.join(', ')}`;
  if (typeof value === 'string' && c.pattern && !new RegExp(c.pattern).test(value)) return `must match ${c.pattern}`;
  if (typeof value === 'number' && c.minimum !== undefined && value < c.minimum) return `must be at least ${c.minimum}`;
  if (typeof value === 'number' && c.maximum !== undefined && value > c.maximum) return `must be at most ${c.maximum}`;
  return undefined;
}
