import { FLAG_KEYS, defaultFlag, flagSchema, type FlagKey, type ShopFlags } from './registry';

/** A flag whose value AppConfig returned but the registry cannot accept: its default applies instead. */
export interface InvalidFlagValue {
  readonly flag: FlagKey;
  readonly problem: string;
}

/**
 * Reads AppConfig Data's answer for a feature-flags profile (`{ "<flag>": { "enabled": …, …attributes } }`)
 * against the registry. A flag that is missing or does not match its schema takes its registry default, so
 * one bad console edit never switches off every flag; `invalid` lists those that did not match.
 *
 * @example
 * parseFlagValues({ 'amex-payments': { enabled: true } }).flags['amex-payments'].enabled; // true
 */
export function parseFlagValues(raw: unknown): { flags: ShopFlags; invalid: InvalidFlagValue[] } {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const invalid: InvalidFlagValue[] = [];
  const entries = FLAG_KEYS.map((flag) => {
    if (record[flag] === undefined) return [flag, defaultFlag(flag)];
    const parsed = flagSchema(flag).safeParse(record[flag]);
    if (parsed.success) return [flag, parsed.data];
    invalid.push({ flag, problem: parsed.error.issues.map((issue) => `${issue.path.join('.') || flag}: ${issue.message}`).join('; ') });
    return [flag, defaultFlag(flag)];
  });
  return { flags: Object.fromEntries(entries) as ShopFlags, invalid };
}
