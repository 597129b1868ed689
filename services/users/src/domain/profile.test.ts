import { describe, expect, it } from 'vitest';
import { announcementOf, changeProfile, newProfile } from './profile';
import { ADA, LATER, NOW, aProfile, anAddress } from './test-data';

describe('newProfile', () => {
  it('starts at revision 1, unannounced, with no marketing consent', () => {
    const profile = newProfile(ADA, NOW);

    expect(profile).toEqual({
      id: ADA.id,
      email: ADA.email,
      name: 'Ada Lovelace',
      marketingConsent: false,
      revision: 1,
      announcedRevision: 0,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
  });

  it('leaves out a blank name', () => {
    const profile = newProfile({ ...ADA, name: '  ' }, NOW);

    expect(profile).not.toHaveProperty('name');
  });
});

describe('changeProfile', () => {
  it('replaces the editable fields and moves to the next revision', () => {
    const profile = aProfile({ revision: 4, announcedRevision: 4 });
    const shipping = anAddress();

    const changed = changeProfile(
      profile,
      { name: 'Ada King', shippingAddress: shipping, marketingConsent: true },
      LATER,
    );

    expect(changed).toEqual({
      ...profile,
      name: 'Ada King',
      shippingAddress: shipping,
      marketingConsent: true,
      revision: 5,
      updatedAt: LATER.toISOString(),
    });
  });

  it('removes an address the change leaves out', () => {
    const profile = aProfile({ billingAddress: anAddress() });

    const changed = changeProfile(profile, { name: 'Ada', marketingConsent: false }, LATER);

    expect(changed).not.toHaveProperty('billingAddress');
  });

  it('keeps the email and the creation time', () => {
    const profile = aProfile();

    const changed = changeProfile(profile, { name: 'Someone Else', marketingConsent: false }, LATER);

    expect(changed.email).toBe(profile.email);
    expect(changed.createdAt).toBe(profile.createdAt);
  });
});

describe('announcementOf', () => {
  it('announces a new profile as created', () => {
    expect(announcementOf(aProfile({ revision: 1, announcedRevision: 0 }))).toEqual({ kind: 'created' });
  });

  it('announces a changed profile as updated, even when its creation never went out', () => {
    expect(announcementOf(aProfile({ revision: 3, announcedRevision: 2 }))).toEqual({ kind: 'updated' });
    expect(announcementOf(aProfile({ revision: 2, announcedRevision: 0 }))).toEqual({ kind: 'updated' });
  });

  it('announces nothing once the revision is out', () => {
    expect(announcementOf(aProfile({ revision: 2, announcedRevision: 2 }))).toEqual({ kind: 'none' });
  });
});
