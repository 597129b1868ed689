import { ValidationError } from '../errors';

/**
 * Input constraints worded as AWS's request validation words them
 * ("1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: …").
 */
export function requireMatch(value: string, field: string, pattern: string, maxLength: number): void {
  if (value.length > maxLength) fail(value, field, `Member must have length less than or equal to ${maxLength}`);
  if (value.length === 0) fail(value, field, 'Member must have length greater than or equal to 1');
  if (!new RegExp(`^${pattern}$`).test(value)) fail(value, field, `Member must satisfy regular expression pattern: ${pattern}`);
}

export function requireRange(value: number | undefined, field: string, min: number, max: number): void {
  if (value === undefined) return;
  if (value < min) fail(String(value), field, `Member must have value greater than or equal to ${min}`);
  if (value > max) fail(String(value), field, `Member must have value less than or equal to ${max}`);
}

export function requirePresent<T>(value: T | undefined | null, field: string): T {
  if (value === undefined || value === null) fail('null', field, 'Member must not be null');
  return value;
}

function fail(value: string, field: string, constraint: string): never {
  throw new ValidationError(`1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ${constraint}`);
}

export const RULE_NAME = '[\\.\\-_A-Za-z0-9]+';
export const BUS_NAME = '[/\\.\\-_A-Za-z0-9]+';
export const ARCHIVE_NAME = '[\\.\\-_A-Za-z0-9]+';
export const TARGET_ID = '[\\.\\-_A-Za-z0-9]+';
