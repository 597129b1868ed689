import { z } from 'zod';
import { CustomerId } from '../identifiers';
import { pii } from '../pii';

/** The least of a user that other services need: who to address, and where to write. */
export const UserProfile = z
  .object({
    id: CustomerId.describe('User id (Cognito `sub`); other services call it the customer id.'),
    email: pii(z.email(), 'email').describe('Verified email address.'),
    name: pii(z.string().min(1).max(200), 'name').optional().describe('Name to address the user by, if they gave one.'),
  })
  .describe('The user, with no more personal data than consumers need.');
