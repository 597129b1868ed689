import type { ActionState } from '../forms/action-state';

/** A refused checkout carries the key for the next attempt. */
export type CheckoutState = (Exclude<ActionState, null> & { readonly idempotencyKey: string }) | null;
