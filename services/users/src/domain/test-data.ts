import type { Address } from '@shop/events';
import type { Identity, Profile } from './profile';

export const NOW = new Date('2025-03-14T09:26:53.120Z');
export const LATER = new Date('2025-03-20T12:30:00.000Z');

export const ADA: Identity = {
  id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
};

export function anAddress(overrides: Partial<Address> = {}): Address {
  return {
    name: 'Ada King',
    line1: '12 St James’s Square',
    city: 'London',
    postalCode: 'SW1Y 4JH',
    country: 'GB',
    ...overrides,
  };
}

export function aProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: ADA.id,
    email: ADA.email,
    name: 'Ada Lovelace',
    marketingConsent: false,
    revision: 1,
    announcedRevision: 1,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
    ...overrides,
  };
}
