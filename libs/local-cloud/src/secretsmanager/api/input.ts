import { invalidParameter } from '../errors';
import type { SecretValue } from '../secret-store';

/** @internal */
export function requiredString(input: Record<string, unknown>, member: string): string {
  const value = input[member];
  if (typeof value !== 'string') throw invalidParameter(`1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must not be null`);
  return value;
}

/** @internal */
export function optionalString(input: Record<string, unknown>, member: string): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidParameter(`Value at '${member}' must be a string`);
  return value;
}

/** @internal */
export function optionalBoolean(input: Record<string, unknown>, member: string): boolean | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw invalidParameter(`Value at '${member}' must be a boolean`);
  return value;
}

/** @internal */
export function optionalNumber(input: Record<string, unknown>, member: string): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw invalidParameter(`Value at '${member}' must be a number`);
  return value;
}

/**
 * SecretString or SecretBinary (base64 on the wire); both at once is an error, neither is `undefined`.
 * @internal
 */
export function secretValue(input: Record<string, unknown>): SecretValue | undefined {
  const string = optionalString(input, 'SecretString');
  const binary = optionalString(input, 'SecretBinary');
  if (string !== undefined && binary !== undefined) throw invalidParameter("You can't specify both a binary secret value and a string secret value in the same secret.");
  if (string !== undefined) return { string };
  return binary === undefined ? undefined : { binary: Buffer.from(binary, 'base64') };
}

/** @internal */
export function tags(input: Record<string, unknown>): Array<{ Key: string; Value: string }> {
  const value = input.Tags;
  if (value === undefined || value === null) return [];
  const valid = Array.isArray(value) && value.every((tag) => typeof tag?.Key === 'string' && typeof tag?.Value === 'string');
  if (!valid) throw invalidParameter('Tags must be a list of { Key, Value } strings');
  return (value as Array<{ Key: string; Value: string }>).map(({ Key, Value }) => ({ Key, Value }));
}
