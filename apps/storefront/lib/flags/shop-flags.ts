import { defaultFlag, flagSchema, type FlagKey, type FlagValue, type ShopFlags } from '@shop/feature-flags';
import type { Client } from '@openfeature/server-sdk';

/**
 * The storefront's typed view of the flags, read through an OpenFeature client: each flag as an object,
 * checked against the registry's schema, its registry default when OpenFeature answers anything else.
 */
export async function readShopFlags(client: Pick<Client, 'getObjectValue'>): Promise<ShopFlags> {
  const read = async <K extends FlagKey>(key: K): Promise<FlagValue<K>> => {
    const fallback = defaultFlag(key);
    const value = await client.getObjectValue(key, fallback as never);
    const parsed = flagSchema(key).safeParse(value);
    return parsed.success ? parsed.data : fallback;
  };
  const [amex, freeShipping, recommendations] = await Promise.all([read('amex-payments'), read('free-shipping'), read('recommendations')]);
  return { 'amex-payments': amex, 'free-shipping': freeShipping, recommendations };
}
