import { ValidationError } from '../errors';

/** An operation's decoded JSON request. */
export type Input = Readonly<Record<string, unknown>>;

/** The camelCase member name AWS's validation messages use for a field (`EventBusName` → `eventBusName`). */
function member(field: string): string {
  return field.charAt(0).toLowerCase() + field.slice(1);
}

export function optionalString(input: Input, field: string): string | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ValidationError(`Parameter ${field} must be a string.`);
  return value;
}

/** @throws ValidationError worded like AWS's when the field is missing */
export function requiredString(input: Input, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined) {
    throw new ValidationError(`1 validation error detected: Value null at '${member(field)}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

export function optionalNumber(input: Input, field: string): number | undefined {
  const value = input[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw new ValidationError(`Parameter ${field} must be a number.`);
  return value;
}

export function requiredList<T>(input: Input, field: string): T[] {
  const value = input[field];
  if (!Array.isArray(value)) {
    throw new ValidationError(`1 validation error detected: Value null at '${member(field)}' failed to satisfy constraint: Member must not be null`);
  }
  return value as T[];
}

/** JSON 1.1 timestamps travel as epoch seconds. */
export function requiredTime(input: Input, field: string): Date {
  const value = input[field];
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new ValidationError(`1 validation error detected: Value null at '${member(field)}' failed to satisfy constraint: Member must not be null`);
  }
  return date;
}

export function epochSeconds(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : date.getTime() / 1000;
}

/** Applies `Limit` and `NextToken` (an opaque offset) to a listing. */
export function page<T>(items: readonly T[], input: Input): { items: T[]; NextToken?: string } {
  const limit = optionalNumber(input, 'Limit') ?? 100;
  const token = optionalString(input, 'NextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64url').toString());
  if (!Number.isInteger(start) || start < 0) throw new ValidationError('The NextToken is not valid.');
  const end = start + limit;
  const next = end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined;
  return next === undefined ? { items: items.slice(start, end) } : { items: items.slice(start, end), NextToken: next };
}
