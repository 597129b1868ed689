import { Address } from '@shop/events';
import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { z } from 'zod';
import { USERS_ERROR_STATUS } from '../../domain/errors';
import { makeUpdateProfile } from '../../use-cases/update-profile';
import { announce, clock, ensureProfile, profiles } from '../dependencies';
import { callerOf, profileView } from './caller';

/** The body of `PUT /me`: the whole editable profile; an address left out is removed. */
export const UpdateProfileBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  shippingAddress: Address.optional(),
  billingAddress: Address.optional(),
  marketingConsent: z.boolean(),
});

const updateProfile = makeUpdateProfile({ profiles, ensureProfile, announce, clock });

/** `PUT /me`: saves the profile as a new revision and publishes User.UserUpdated. */
export const handler = makeHttpHandler(
  { request: { body: UpdateProfileBody }, errors: USERS_ERROR_STATUS },
  async ({ body, event }) => ok(profileView(await updateProfile(callerOf(event), body))),
);
