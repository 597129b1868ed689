import { randomInt } from 'node:crypto';
import { invalidParameter } from './errors';

const LOWERCASE = 'abcdefghijklmnopqrstuvwxyz';
const UPPERCASE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUMBERS = '0123456789';
/** The punctuation Secrets Manager draws from. */
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** GetRandomPassword's and GenerateSecretString's options, with the service's defaults when absent. */
export interface PasswordOptions {
  /** Default 32, at most 4096. */
  readonly length?: number;
  readonly excludeCharacters?: string;
  readonly excludeLowercase?: boolean;
  readonly excludeUppercase?: boolean;
  readonly excludeNumbers?: boolean;
  readonly excludePunctuation?: boolean;
  readonly includeSpace?: boolean;
  /** Default true: at least one character of every included type. */
  readonly requireEachIncludedType?: boolean;
}

/**
 * A random password as Secrets Manager makes one, from a cryptographic random source.
 *
 * @example
 * generatePassword({ length: 20, excludePunctuation: true }); // 'q3ZrT0...' (20 letters and digits)
 */
export function generatePassword(options: PasswordOptions = {}): string {
  const length = options.length ?? 32;
  if (!Number.isInteger(length) || length < 1 || length > 4096) throw invalidParameter('The password length must be between 1 and 4096.');
  const types = includedTypes(options);
  const all = types.join('');
  if (all.length === 0) throw invalidParameter('The password cannot be generated: every character type is excluded.');
  const required = options.requireEachIncludedType ?? true;
  if (required && types.length > length) throw invalidParameter(`The password length ${length} is too short to include each of the ${types.length} required character types.`);
  const chars = required ? types.map(pick) : [];
  while (chars.length < length) chars.push(pick(all));
  return shuffle(chars).join('');
}

function includedTypes(options: PasswordOptions): string[] {
  const excluded = new Set(options.excludeCharacters ?? '');
  const candidates = [
    options.excludeLowercase ? '' : LOWERCASE,
    options.excludeUppercase ? '' : UPPERCASE,
    options.excludeNumbers ? '' : NUMBERS,
    options.excludePunctuation ? '' : PUNCTUATION,
    options.includeSpace ? ' ' : '',
  ];
  return candidates.map((type) => [...type].filter((c) => !excluded.has(c)).join('')).filter((type) => type.length > 0);
}

const pick = (from: string): string => from.charAt(randomInt(from.length));

/** Fisher-Yates, so the required characters are not always first. */
function shuffle(chars: string[]): string[] {
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    const swapped = chars[i] as string;
    chars[i] = chars[j] as string;
    chars[j] = swapped;
  }
  return chars;
}
