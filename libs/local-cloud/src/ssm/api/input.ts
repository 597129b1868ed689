import { validation } from '../errors';

/**
 * Reads one member of a JSON request, with the ValidationException AWS answers for a missing or mistyped one.
 * @internal
 */
export function requiredString(input: Record<string, unknown>, member: string): string {
  const value = input[member];
  if (typeof value !== 'string') throw validation(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must not be null`);
  return value;
}

/** @internal */
export function optionalString(input: Record<string, unknown>, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validation(`Value at '${lowerFirst(member)}' must be a string`);
  return value;
}

/** @internal */
export function optionalBoolean(input: Record<string, unknown>, member: string): boolean {
  const value = input[member];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw validation(`Value at '${lowerFirst(member)}' must be a boolean`);
  return value;
}

/** @internal */
export function stringList(input: Record<string, unknown>, member: string, limits: { min: number; max: number }): string[] {
  const value = input[member];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw validation(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must not be null`);
  }
  if (value.length < limits.min || value.length > limits.max) {
    throw validation(`1 validation error detected: Value at '${lowerFirst(member)}' failed to satisfy constraint: Member must have length less than or equal to ${limits.max}`);
  }
  return value as string[];
}

/** @internal */
export function maxResults(input: Record<string, unknown>, limits: { max: number; default: number }): number {
  const value = input.MaxResults;
  if (value === undefined || value === null) return limits.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > limits.max) {
    throw validation(`1 validation error detected: Value '${String(value)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${limits.max}`);
  }
  return value;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
