import { randomInt } from 'node:crypto';
import { CognitoApiError } from '../errors';
import type { PasswordPolicy } from '../model/pool-config';

/** The characters Cognito counts as symbols. */
const SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

const RULES: ReadonlyArray<readonly [keyof PasswordPolicy, (password: string) => boolean, string]> = [
  ['requireUppercase', (password) => /[A-Z]/.test(password), 'Password must have uppercase characters'],
  ['requireLowercase', (password) => /[a-z]/.test(password), 'Password must have lowercase characters'],
  ['requireNumbers', (password) => /[0-9]/.test(password), 'Password must have numeric characters'],
  ['requireSymbols', (password) => [...password].some((char) => SYMBOLS.includes(char)), 'Password must have symbol characters'],
];

/**
 * Checks a password against a pool's policy as Cognito does: InvalidParameterException for a password
 * that starts or ends with whitespace, InvalidPasswordException naming the first rule it breaks.
 *
 * @example
 * assertPasswordConforms('short', policy); // throws InvalidPasswordException 'Password did not conform with policy: Password not long enough'
 */
export function assertPasswordConforms(password: string, policy: PasswordPolicy, field = 'password'): void {
  if (!/^\S+.*\S+$/su.test(password)) {
    throw new CognitoApiError(
      'InvalidParameterException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$`,
    );
  }
  const broken = password.length < policy.minimumLength ? 'Password not long enough' : RULES.find(([rule, passes]) => policy[rule] && !passes(password))?.[2];
  if (broken) throw new CognitoApiError('InvalidPasswordException', `Password did not conform with policy: ${broken}`);
}

/**
 * A temporary password that satisfies the policy, for AdminCreateUser without TemporaryPassword.
 *
 * @example
 * const password = temporaryPasswordFor(policy); // 'xK7#pQ2m...'
 */
export function temporaryPasswordFor(policy: PasswordPolicy): string {
  const pools = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%&!?+='];
  const all = pools.join('');
  const chars = pools.map((pool) => pick(pool));
  while (chars.length < Math.max(policy.minimumLength, 12)) chars.push(pick(all));
  return chars.join('');
}

function pick(pool: string): string {
  return pool[randomInt(pool.length)] ?? 'x';
}
