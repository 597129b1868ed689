import type { Address, UserCreatedData, UserUpdatedData } from '@shop/events';

/**
 * The orders service's copy of a customer's profile: what it puts on the orders they confirm (and so on
 * the invoice), kept current by `User.UserCreated` and `User.UserUpdated` (event-carried state transfer).
 */
export type CustomerProfile = {
  readonly id: string;
  readonly email: string;
  /** Absent when the user gave no name: the order then names the billing address's recipient. */
  readonly name?: string;
  /** The users service's revision of the profile: 1 is the one UserCreated announces. */
  readonly revision: number;
  readonly updatedAt: string;
};

/** The revision `User.UserCreated` stands for; `User.UserUpdated` carries 2 and up. */
export const FIRST_PROFILE_REVISION = 1;

export function profileFromCreated(data: UserCreatedData): CustomerProfile {
  const { id, email, name } = data.user;
  return withName({ id, email, revision: FIRST_PROFILE_REVISION, updatedAt: data.createdAt }, name);
}

/** Only the name and email: the default addresses and the marketing consent are not orders' business yet. */
export function profileFromUpdated(data: UserUpdatedData): CustomerProfile {
  const { id, email, name } = data.user;
  return withName({ id, email, revision: data.revision, updatedAt: data.updatedAt }, name);
}

const withName = (profile: CustomerProfile, name: string | undefined): CustomerProfile =>
  name === undefined ? profile : { ...profile, name };

/** Who an order is for: the customer id, where to write, and whom to address (the invoice's name). */
export type OrderCustomer = { readonly id: string; readonly email: string; readonly name: string };

/**
 * The customer as an order records them: the profile's name when the copy has one, else the billing
 * address's recipient (a customer whose profile has not arrived yet can still check out). The request's
 * email stays: the shopper typed it for this order.
 *
 * @example
 * orderCustomer({ id: 'u1', email: 'ada@example.com', billingName: 'A. Lovelace' }, profile); // name: 'Ada Lovelace'
 */
export function orderCustomer(
  request: { readonly id: string; readonly email: string; readonly billingName: string },
  profile: CustomerProfile | undefined,
): OrderCustomer {
  return { id: request.id, email: request.email, name: profile?.name ?? request.billingName };
}

/** The recipient a redacted address names. */
export const DELETED_CUSTOMER_NAME = 'Deleted customer';
/** What replaces each erased line of a redacted address. */
export const ERASED_FIELD = '[deleted]';

/**
 * The address of a deleted customer's order: the country only (which tax applied depends on it, and the
 * order's lines and totals stay for accounting); the recipient, street, city and postal code are erased.
 * Still a complete `Address`, so every reader of the order keeps working. Redacting twice changes nothing.
 */
export function redactAddress(address: Address): Address {
  return {
    name: DELETED_CUSTOMER_NAME,
    line1: ERASED_FIELD,
    city: ERASED_FIELD,
    postalCode: ERASED_FIELD,
    country: address.country,
  };
}
