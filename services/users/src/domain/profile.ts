import type { Address } from '@shop/events';

/** Who signed in, as the identity provider vouches for them (token claims or trigger attributes). */
export type Identity = {
  /** Cognito `sub`: the user id every service uses. */
  readonly id: string;
  readonly email: string;
  readonly name?: string;
};

/** What the user may change with `PUT /me`: the whole editable profile (absent addresses are removed). */
export type ProfileChanges = {
  readonly name: string;
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  readonly marketingConsent: boolean;
};

/** A user's profile. Everything but the ids, revisions and times is personal data: never log it. */
export type Profile = {
  readonly id: string;
  readonly email: string;
  readonly name?: string;
  readonly shippingAddress?: Address;
  readonly billingAddress?: Address;
  readonly marketingConsent: boolean;
  /** 1 when created, +1 on every saved change: the order consumers keep. */
  readonly revision: number;
  /** The highest revision published on the bus (0: not even UserCreated yet). */
  readonly announcedRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
};

/** What to publish so consumers catch up with a profile, if anything. */
export type Announcement = { readonly kind: 'created' } | { readonly kind: 'updated' } | { readonly kind: 'none' };

/**
 * A new profile for a confirmed identity: nothing consented to, nothing announced yet.
 *
 * @example
 * newProfile({ id: 'sub-1', email: 'ada@example.com' }, new Date()); // revision 1, marketingConsent false
 */
export function newProfile(identity: Identity, now: Date): Profile {
  const at = now.toISOString();
  return {
    id: identity.id,
    email: identity.email,
    ...(identity.name !== undefined && identity.name.trim() !== '' && { name: identity.name.trim() }),
    marketingConsent: false,
    revision: 1,
    announcedRevision: 0,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The profile with the user's changes: the editable fields replaced as a whole, the next revision.
 *
 * @example
 * changeProfile(profile, { name: 'Ada King', marketingConsent: true }, new Date()).revision; // profile.revision + 1
 */
export function changeProfile(profile: Profile, changes: ProfileChanges, now: Date): Profile {
  const { shippingAddress, billingAddress, name, marketingConsent } = changes;
  return {
    id: profile.id,
    email: profile.email,
    name,
    ...(shippingAddress !== undefined && { shippingAddress }),
    ...(billingAddress !== undefined && { billingAddress }),
    marketingConsent,
    revision: profile.revision + 1,
    announcedRevision: profile.announcedRevision,
    createdAt: profile.createdAt,
    updatedAt: now.toISOString(),
  };
}

/**
 * Which event brings consumers up to date: UserCreated for a profile nobody has heard of at its first
 * revision; UserUpdated (the whole profile) once it has changed since what was announced; else nothing.
 *
 * @example
 * announcementOf({ ...profile, revision: 3, announcedRevision: 2 }); // { kind: 'updated' }
 */
export function announcementOf(profile: Profile): Announcement {
  if (profile.announcedRevision >= profile.revision) return { kind: 'none' };
  if (profile.revision === 1) return { kind: 'created' };
  return { kind: 'updated' };
}
