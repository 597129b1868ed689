import { AppConfigProvider } from '@aws-lambda-powertools/parameters/appconfig';
import type { AppConfigDataClient } from '@aws-sdk/client-appconfigdata';
import { logger } from '@shop/lambda-kit';
import { z } from 'zod';
import type { PaymentFlags } from '../domain';

/** About as stale as a flag may be: a flip applies within half a minute, at one AppConfig call per 30 s. */
export const FLAGS_CACHE_SECONDS = 30;

export type FeatureFlagsOptions = {
  readonly application: string;
  readonly environment: string;
  /** The feature flag configuration profile (its name or id). */
  readonly profile: string;
  readonly client?: AppConfigDataClient;
  readonly maxAgeSeconds?: number;
};

// What GetLatestConfiguration returns for a feature flag profile: each flag by name, with `enabled`
// and its attributes. A flag missing from the profile is off.
const FlagValues = z.record(z.string(), z.object({ enabled: z.boolean() }).loose());

/** The payment flags when nothing was ever read: Amex is taken only once a flag says so. */
const SAFE_DEFAULT: PaymentFlags = { amexPayments: false };

/**
 * The backend's feature flags, from an AppConfig feature flag profile through Powertools Parameters
 * (cached `maxAgeSeconds`). If AppConfig cannot be read, a checkout must still be decided: the last
 * flags read are kept, and with none, every flag is off; either way a warning says so.
 */
export class AppConfigFeatureFlags {
  private readonly provider: AppConfigProvider;
  private lastKnown: PaymentFlags | undefined;

  constructor(private readonly options: FeatureFlagsOptions) {
    const { application, environment, client } = options;
    this.provider = new AppConfigProvider({
      application,
      environment,
      ...(client !== undefined && { awsSdkV3Client: client }),
    });
  }

  async paymentFlags(): Promise<PaymentFlags> {
    try {
      const values = await this.provider.get(this.options.profile, {
        transform: 'json',
        maxAge: this.options.maxAgeSeconds ?? FLAGS_CACHE_SECONDS,
      });
      const flags = FlagValues.parse(values);
      this.lastKnown = { amexPayments: flags['amex-payments']?.enabled === true };
      return this.lastKnown;
    } catch (error) {
      const fallback = this.lastKnown ?? SAFE_DEFAULT;
      logger.warn('Feature flags could not be read; using the last known flags, or all off if none', {
        profile: this.options.profile,
        using: this.lastKnown === undefined ? 'defaults (all off)' : 'last known',
        flags: fallback,
        error,
      });
      return fallback;
    }
  }
}
