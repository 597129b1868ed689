import type { Json, JsonObject } from '../../core/contracts';
import { FlagChangeError, InvalidFlagsDocumentError } from '../errors';
import { constraintViolation, type AttributeDefinition } from './flag-constraints';

export interface FlagDefinition {
  readonly name?: string;
  readonly description?: string;
  readonly attributes?: Readonly<Record<string, AttributeDefinition>>;
  readonly [meta: `_${string}`]: Json | undefined;
}

/** An `AWS.AppConfig.FeatureFlags` document (schema version 1): definitions and their values. */
export interface FlagsDocument {
  readonly version: '1';
  readonly flags: Readonly<Record<string, FlagDefinition>>;
  readonly values: Readonly<Record<string, JsonObject>>;
}

/** What an application reads for one flag: `enabled` and the attribute values. */
export type EvaluatedFlag = { enabled: boolean } & Record<string, Json>;

/** A change to one flag: `attributes` are merged into the current values. */
export interface FlagChange {
  readonly enabled?: boolean;
  readonly attributes?: Readonly<Record<string, Json>>;
}

const FLAG_KEY = /^[a-z][a-zA-Z\d_-]{0,63}$/;

/**
 * Reads a hosted feature-flags document, as AppConfig validates it on CreateHostedConfigurationVersion.
 *
 * @example
 * const doc = parseFlagsDocument('{"version":"1","flags":{"checkout":{"name":"Checkout"}},"values":{"checkout":{"enabled":true}}}');
 */
export function parseFlagsDocument(content: string): FlagsDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (err) {
    throw new InvalidFlagsDocumentError('The feature flags document is not JSON', { cause: err });
  }
  const doc = parsed as Partial<FlagsDocument> | null;
  if (!doc || typeof doc !== 'object' || doc.version !== '1') throw new InvalidFlagsDocumentError('A feature flags document needs "version": "1"');
  const flags = doc.flags ?? {};
  const badKey = Object.keys(flags).find((key) => !FLAG_KEY.test(key));
  if (badKey) throw new InvalidFlagsDocumentError(`Flag key '${badKey}' must match ${FLAG_KEY.source}`);
  const orphan = Object.keys(doc.values ?? {}).find((key) => !(key in flags));
  if (orphan) throw new InvalidFlagsDocumentError(`The values name flag '${orphan}', which is not defined in flags`);
  return { version: '1', flags, values: doc.values ?? {} };
}

/**
 * The flags as AppConfig Data and the AppConfig Agent return them: each defined flag with `enabled` (false
 * when it has no value) and its attribute values; the `_`-prefixed metadata left out. `only` picks flags.
 *
 * @example
 * evaluateFlags(doc); // { checkout: { enabled: true, limit: 5 } }
 */
export function evaluateFlags(doc: FlagsDocument, only?: readonly string[]): Record<string, EvaluatedFlag> {
  const keys = only ?? Object.keys(doc.flags);
  return Object.fromEntries(keys.filter((key) => key in doc.flags).map((key) => [key, evaluateFlag(doc.values[key])]));
}

/**
 * The document with one flag changed, each attribute checked against its definition's constraints.
 *
 * @example
 * const next = withFlagChange(doc, 'checkout', { enabled: false, attributes: { limit: 3 } }, new Date());
 */
export function withFlagChange(doc: FlagsDocument, key: string, change: FlagChange, now: Date): FlagsDocument {
  const definition = doc.flags[key];
  if (!definition) throw new FlagChangeError('APPCONFIG.FLAG_NOT_FOUND', `Flag '${key}' is not defined in this configuration`);
  const current = doc.values[key] ?? { enabled: false };
  const next: JsonObject = { ...current, ...change.attributes, enabled: change.enabled ?? current.enabled === true, _updatedAt: now.toISOString() };
  for (const [name, attribute] of Object.entries(definition.attributes ?? {})) {
    const problem = constraintViolation(attribute, next[name]);
    if (problem) throw new FlagChangeError('APPCONFIG.INVALID_FLAG_VALUE', `Flag '${key}' attribute '${name}': ${problem}`);
  }
  const undeclared = Object.keys(change.attributes ?? {}).find((name) => !(name in (definition.attributes ?? {})));
  if (undeclared) throw new FlagChangeError('APPCONFIG.INVALID_FLAG_VALUE', `Flag '${key}' has no attribute '${undeclared}'`);
  return { ...doc, values: { ...doc.values, [key]: next } };
}

function evaluateFlag(value: JsonObject | undefined): EvaluatedFlag {
  const attributes = Object.entries(value ?? {}).filter(([name]) => name !== 'enabled' && !name.startsWith('_'));
  return { enabled: value?.enabled === true, ...Object.fromEntries(attributes) };
}
