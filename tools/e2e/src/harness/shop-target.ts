import { inject } from 'vitest';
import type { ShopTarget } from './target';

/** In a test: the target the global setup provided, the local cloud or a deployed stage. */
export const shopTarget = (): ShopTarget => inject('shop');
