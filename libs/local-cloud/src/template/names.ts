import { createHash } from 'node:crypto';

const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A deterministic stand-in for the random characters CloudFormation adds to generated names:
 * the same seed always gives the same id, so the same template always gives the same names.
 *
 * @example
 * stableId('Shop-Orders/OrdersTable', 12); // 'Xk3...' (12 characters, the same on every run)
 */
export function stableId(seed: string, length: number, alphabet: 'mixed' | 'lower' | 'hex' = 'mixed'): string {
  const digest = createHash('sha256').update(seed).digest();
  if (alphabet === 'hex') return digest.toString('hex').slice(0, length);
  const chars = alphabet === 'mixed' ? MIXED : LOWER;
  let out = '';
  for (let i = 0; out.length < length; i += 1) out += chars[digest[i % digest.length]! % chars.length];
  return out;
}

/** A stable UUID-shaped id (event source mappings, KMS keys, stack ids). */
export function stableUuid(seed: string): string {
  const hex = stableId(seed, 32, 'hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The physical name CloudFormation generates for a resource without an explicit name:
 * `{stack}-{logicalId}-{12 characters}`, the first part truncated so the whole fits `maxLength`.
 *
 * @example
 * generatedName('Shop-Orders', 'PlaceOrderFunction1A2B3C4D', { maxLength: 64 });
 * // 'Shop-Orders-PlaceOrderFunction1A2B3C4D-AbCdEf123456'
 */
export function generatedName(
  stackName: string,
  logicalId: string,
  options: { maxLength: number; lowercase?: boolean; suffix?: string },
): string {
  const suffix = options.suffix ?? '';
  const random = stableId(`${stackName}/${logicalId}`, 12, options.lowercase ? 'lower' : 'mixed');
  const room = options.maxLength - suffix.length - random.length - 1;
  const prefix = `${stackName}-${logicalId}`.slice(0, room);
  const name = `${prefix}-${random}${suffix}`;
  return options.lowercase ? name.toLowerCase() : name;
}

/**
 * The stack's id (`AWS::StackId`), stable per stack name: CloudFormation's ARN with a UUID.
 *
 * @example
 * stackIdOf('Orders', 'us-east-1', '000000000000'); // 'arn:aws:cloudformation:us-east-1:000000000000:stack/Orders/0f3c...'
 */
export function stackIdOf(stackName: string, region: string, accountId: string): string {
  return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${stableUuid(stackName)}`;
}
