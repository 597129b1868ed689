import { UserCreated, UserUpdated, type Address } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { orderCustomer, profileFromCreated, profileFromUpdated, redactAddress, type CustomerProfile } from './customer';

const ADDRESS: Address = {
  name: 'Ada Lovelace',
  line1: 'Flat 3',
  line2: '45 Marylebone High Street',
  city: 'London',
  region: 'Greater London',
  postalCode: 'W1U 5HG',
  country: 'GB',
};

const PROFILE: CustomerProfile = {
  id: 'customer-ada',
  email: 'ada@example.com',
  name: 'Ada King',
  revision: 2,
  updatedAt: '2025-03-20T12:30:00.000Z',
};

describe('profileFromCreated', () => {
  it('keeps the name and email as revision 1, dated when the user signed up', () => {
    const profile = profileFromCreated(UserCreated.sample);

    expect(profile).toEqual({
      id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
      email: 'ada.lovelace@example.com',
      name: 'Ada Lovelace',
      revision: 1,
      updatedAt: '2025-03-01T18:04:33.617Z',
    });
  });

  it('leaves the name out when the user gave none', () => {
    const { name: _name, ...user } = UserCreated.sample.user;

    const profile = profileFromCreated({ ...UserCreated.sample, user });

    expect(profile).not.toHaveProperty('name');
  });
});

describe('profileFromUpdated', () => {
  it("keeps the update's revision, name and email, and none of the addresses or consent", () => {
    const profile = profileFromUpdated(UserUpdated.sample);

    expect(profile).toEqual({
      id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
      email: 'ada@analytical-engines.example',
      name: 'Ada King',
      revision: 2,
      updatedAt: '2025-03-20T12:30:00.000Z',
    });
  });
});

describe('orderCustomer', () => {
  const request = { id: 'customer-ada', email: 'orders@example.com', billingName: 'A. Lovelace' };

  it("names the profile's name and keeps the request's email", () => {
    const customer = orderCustomer(request, PROFILE);

    expect(customer).toEqual({ id: 'customer-ada', email: 'orders@example.com', name: 'Ada King' });
  });

  it('names the billing recipient when there is no profile, or it has no name', () => {
    const { name: _name, ...nameless } = PROFILE;

    expect(orderCustomer(request, undefined).name).toBe('A. Lovelace');
    expect(orderCustomer(request, nameless).name).toBe('A. Lovelace');
  });
});

describe('redactAddress', () => {
  it('keeps the country only, as a complete address', () => {
    const redacted = redactAddress(ADDRESS);

    expect(redacted).toEqual({
      name: 'Deleted customer',
      line1: '[deleted]',
      city: '[deleted]',
      postalCode: '[deleted]',
      country: 'GB',
    });
  });

  it('changes nothing when applied again', () => {
    const once = redactAddress(ADDRESS);

    expect(redactAddress(once)).toEqual(once);
  });
});
