import { AppConfigFlagEvaluator, type ShopFlags } from '@shop/feature-flags';
import { OpenFeature } from '@openfeature/server-sdk';
import { cache } from 'react';
import { getConfig } from '../config';
import { AppConfigProvider } from './appconfig-provider';
import { readShopFlags } from './shop-flags';

const globalForFlags = globalThis as unknown as { shopFlagsProvider?: AppConfigProvider };

// One provider per server process (dev reloads modules; the global keeps one AppConfig session).
function ensureProvider(): void {
  if (globalForFlags.shopFlagsProvider) return;
  const { flags } = getConfig();
  const evaluator = new AppConfigFlagEvaluator({
    ...flags,
    onProblem: (problem) => {
      if (problem.kind === 'unreachable') console.warn(`feature flags: AppConfig unreachable, using ${problem.using}`, problem.error.cause);
      else console.warn('feature flags: invalid values, using registry defaults for', problem.invalid);
    },
  });
  globalForFlags.shopFlagsProvider = new AppConfigProvider(evaluator);
  OpenFeature.setProvider(globalForFlags.shopFlagsProvider);
}

/** Every flag for this request (evaluated once per request, on the server). */
export const getFlags = cache(async (): Promise<ShopFlags> => {
  ensureProvider();
  return readShopFlags(OpenFeature.getClient('storefront'));
});
