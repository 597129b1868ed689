import { FLAG_REGISTRY, type FlagKey, type FlagsSnapshot, type FlagsSource } from '@shop/feature-flags';
import {
  ErrorCode,
  StandardResolutionReasons,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
  type ResolutionReason,
} from '@openfeature/server-sdk';

/** What the provider needs of the evaluator: a snapshot of every flag (AppConfigFlagEvaluator has it). */
export interface FlagSnapshots {
  flags(): Promise<FlagsSnapshot>;
}

const REASONS: Record<FlagsSource, ResolutionReason> = {
  appconfig: StandardResolutionReasons.STATIC,
  'last-known': StandardResolutionReasons.STALE,
  defaults: StandardResolutionReasons.DEFAULT,
};

const isFlagKey = (key: string): key is FlagKey => Object.hasOwn(FLAG_REGISTRY, key);

/**
 * An OpenFeature server provider over the shop's AppConfig flag evaluator. A flag key resolves as a boolean
 * (`amex-payments` → its `enabled`) or as an object (the whole value); `<flag>.<attribute>` resolves an
 * attribute as a number or a string (`free-shipping.thresholdMinor`). Unknown keys and wrong types answer the
 * caller's default with OpenFeature's error codes, never an exception.
 */
export class AppConfigProvider implements Provider {
  readonly runsOn = 'server';
  readonly metadata = { name: 'shop-appconfig' } as const;

  constructor(private readonly evaluator: FlagSnapshots) {}

  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean): Promise<ResolutionDetails<boolean>> {
    return this.resolve(flagKey, defaultValue, (value) => (typeof value === 'boolean' ? value : undefined));
  }

  resolveStringEvaluation(flagKey: string, defaultValue: string): Promise<ResolutionDetails<string>> {
    return this.resolve(flagKey, defaultValue, (value) => (typeof value === 'string' ? value : undefined));
  }

  resolveNumberEvaluation(flagKey: string, defaultValue: number): Promise<ResolutionDetails<number>> {
    return this.resolve(flagKey, defaultValue, (value) => (typeof value === 'number' ? value : undefined));
  }

  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T): Promise<ResolutionDetails<T>> {
    return this.resolve(flagKey, defaultValue, (value) => (typeof value === 'object' && value !== null ? (value as T) : undefined), true);
  }

  private async resolve<T>(key: string, defaultValue: T, accept: (value: unknown) => T | undefined, whole = false): Promise<ResolutionDetails<T>> {
    const [flag, attribute] = key.split('.', 2) as [string, string | undefined];
    if (!isFlagKey(flag)) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: `No flag '${flag}' in the registry` };
    const snapshot = await this.evaluator.flags();
    const value: Record<string, unknown> = snapshot.flags[flag];
    const raw = whole && attribute === undefined ? value : value[attribute ?? 'enabled'];
    if (raw === undefined) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: `Flag '${flag}' has no attribute '${attribute}'` };
    const accepted = accept(raw);
    if (accepted === undefined) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `'${key}' is a ${typeof raw}` };
    return { value: accepted, reason: REASONS[snapshot.source], flagMetadata: { source: snapshot.source } };
  }
}
