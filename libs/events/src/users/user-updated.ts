import { z } from 'zod';
import { defineEvent } from '../define-event';
import { Timestamp } from '../identifiers';
import { UserProfile } from './user-profile';

export const UserUpdated = defineEvent({
  producer: 'users',
  detailType: 'User.UserUpdated',
  version: '1',
  description:
    'A user changed their profile. Carries the minimal profile as it is now (PII: email, name), so a consumer ' +
    'replaces its copy. Addresses and marketing consent stay in the users service (GET /me): no consumer needs them.',
  consumers: [
    {
      service: 'orders',
      purpose:
        "Replaces its copy of the customer's name and email (put on the orders they confirm, and so on the " +
        'invoice), if this revision is newer than the one it holds.',
    },
  ],
  data: z.object({
    user: UserProfile,
    revision: z
      .int()
      .min(2)
      .describe(
        'Revision of the profile (1 is the profile UserCreated announced). EventBridge does not keep order: ' +
          'ignore an update whose revision is not above the one you hold.',
      ),
    updatedAt: Timestamp.describe('When the change was saved.'),
  }),
  sample: {
    user: {
      id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
      email: 'ada@analytical-engines.example',
      name: 'Ada King',
    },
    revision: 2,
    updatedAt: '2025-03-20T12:30:00.000Z',
  },
});
export type UserUpdatedData = z.infer<typeof UserUpdated.data>;
