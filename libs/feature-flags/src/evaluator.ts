import {
  AppConfigDataClient,
  BadRequestException,
  GetLatestConfigurationCommand,
  StartConfigurationSessionCommand,
  type GetLatestConfigurationCommandOutput,
} from '@aws-sdk/client-appconfigdata';
import { FlagsReadError } from './errors';
import { parseFlagValues, type InvalidFlagValue } from './parse-flags';
import { defaultFlags, type FlagKey, type FlagValue, type ShopFlags } from './registry';

/** Where a snapshot's values come from: AppConfig now, the last good read, or the registry's defaults. */
export type FlagsSource = 'appconfig' | 'last-known' | 'defaults';

export interface FlagsSnapshot {
  readonly flags: ShopFlags;
  readonly source: FlagsSource;
}

/** What went wrong while reading flags; the evaluator still answers, the caller decides what to log. */
export type FlagsProblem =
  | { readonly kind: 'unreachable'; readonly error: FlagsReadError; readonly using: 'last-known' | 'defaults' }
  | { readonly kind: 'invalid-value'; readonly invalid: readonly InvalidFlagValue[] };

export interface FlagEvaluatorOptions {
  readonly application: string;
  readonly environment: string;
  /** The feature-flags configuration profile (name or id). */
  readonly profile: string;
  /** Defaults to a client with one retry: a page must not wait on AppConfig's backoff. */
  readonly client?: AppConfigDataClient;
  /**
   * How long a read is reused. AWS refuses polls faster than the session's minimum interval (15 s at
   * least), so keep 15 or more there; 0 reads on every call, for a local cloud where a flip must show at once.
   */
  readonly maxAgeSeconds?: number;
  readonly now?: () => number;
  readonly onProblem?: (problem: FlagsProblem) => void;
}

/** The AWS minimum for RequiredMinimumPollIntervalInSeconds. */
const MIN_POLL_SECONDS = 15;
export const DEFAULT_FLAGS_MAX_AGE_SECONDS = 15;

/**
 * Typed feature flags read from AWS AppConfig Data: one configuration session, polled with the token each
 * answer hands back, reused for `maxAgeSeconds`. When AppConfig cannot be read the last good values stay in
 * force, and before any read the registry's defaults, so a page or a checkout is never blocked by flags.
 *
 * @example
 * const evaluator = new AppConfigFlagEvaluator({ application: 'shop', environment: 'dev', profile: 'feature-flags' });
 * const { thresholdMinor } = await evaluator.flag('free-shipping');
 */
export class AppConfigFlagEvaluator {
  private readonly client: AppConfigDataClient;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private nextToken: string | undefined;
  private lastKnown: ShopFlags | undefined;
  private cached: { snapshot: FlagsSnapshot; at: number } | undefined;
  private inflight: Promise<FlagsSnapshot> | undefined;

  constructor(private readonly options: FlagEvaluatorOptions) {
    this.client = options.client ?? new AppConfigDataClient({ maxAttempts: 2 });
    this.maxAgeMs = (options.maxAgeSeconds ?? DEFAULT_FLAGS_MAX_AGE_SECONDS) * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Every flag, from cache when fresh; never throws. */
  async flags(): Promise<FlagsSnapshot> {
    if (this.cached && this.now() - this.cached.at < this.maxAgeMs) return this.cached.snapshot;
    // Concurrent requests share one poll: each token may be used once.
    this.inflight ??= this.refresh().finally(() => (this.inflight = undefined));
    return this.inflight;
  }

  /** One flag's value (`enabled` and its attributes). */
  async flag<K extends FlagKey>(key: K): Promise<FlagValue<K>> {
    return (await this.flags()).flags[key];
  }

  private async refresh(): Promise<FlagsSnapshot> {
    const at = this.now();
    let snapshot: FlagsSnapshot;
    try {
      const body = await this.poll();
      if (body !== undefined) this.lastKnown = this.read(body);
      snapshot = { flags: this.lastKnown ?? defaultFlags(), source: this.lastKnown ? 'appconfig' : 'defaults' };
    } catch (error) {
      this.nextToken = undefined;
      const using = this.lastKnown ? 'last-known' : 'defaults';
      const readError = error instanceof FlagsReadError ? error : new FlagsReadError('AppConfig Data could not be read', { cause: error });
      this.options.onProblem?.({ kind: 'unreachable', error: readError, using });
      snapshot = { flags: this.lastKnown ?? defaultFlags(), source: using };
    }
    this.cached = { snapshot, at };
    return snapshot;
  }

  /** The new configuration's text, or undefined when nothing was deployed since the last poll. */
  private async poll(): Promise<string | undefined> {
    let answer: GetLatestConfigurationCommandOutput;
    try {
      answer = await this.latest(this.nextToken ?? (await this.startSession()));
    } catch (error) {
      // A token older than 24 hours (or spent) is refused: start a new session once, then give up.
      if (!(error instanceof BadRequestException) || this.nextToken === undefined) throw error;
      answer = await this.latest(await this.startSession());
    }
    this.nextToken = answer.NextPollConfigurationToken;
    const bytes = answer.Configuration;
    return bytes && bytes.length > 0 ? new TextDecoder().decode(bytes) : undefined;
  }

  private latest(token: string): Promise<GetLatestConfigurationCommandOutput> {
    return this.client.send(new GetLatestConfigurationCommand({ ConfigurationToken: token }));
  }

  private async startSession(): Promise<string> {
    const { application, environment, profile } = this.options;
    const session = await this.client.send(
      new StartConfigurationSessionCommand({
        ApplicationIdentifier: application,
        EnvironmentIdentifier: environment,
        ConfigurationProfileIdentifier: profile,
        RequiredMinimumPollIntervalInSeconds: Math.max(MIN_POLL_SECONDS, Math.ceil(this.maxAgeMs / 1000)),
      }),
    );
    if (!session.InitialConfigurationToken) throw new FlagsReadError('StartConfigurationSession returned no token');
    this.nextToken = undefined;
    return session.InitialConfigurationToken;
  }

  private read(body: string): ShopFlags {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch (error) {
      throw new FlagsReadError('The feature flags configuration is not JSON', { cause: error });
    }
    const { flags, invalid } = parseFlagValues(raw);
    if (invalid.length > 0) this.options.onProblem?.({ kind: 'invalid-value', invalid });
    return flags;
  }
}
