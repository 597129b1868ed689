import { z } from 'zod';
import { defineEvent } from '../define-event';
import { Timestamp } from '../identifiers';
import { UserProfile } from './user-profile';

export const UserUpdated = defineEvent({
  producer: 'users',
  detailType: 'User.UserUpdated',
  version: '1',
  description:
    'A user changed their profile. Carries the whole minimal profile as it is now (PII: email, name), so a ' +
    'consumer replaces its copy.',
  consumers: [
    {
      service: 'orders',
      purpose: "Replaces its copy of the customer's name and email, if this update is newer than the one it holds.",
    },
  ],
  data: z.object({
    user: UserProfile,
    updatedAt: Timestamp.describe(
      'When the change was saved. EventBridge does not keep order: ignore updates older than your copy.',
    ),
  }),
  sample: {
    user: { id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c', email: 'ada@analytical-engines.example', name: 'Ada King' },
    updatedAt: '2025-03-20T12:30:00.000Z',
  },
});
export type UserUpdatedData = z.infer<typeof UserUpdated.data>;
