import { z } from 'zod';
import { defineEvent } from '../define-event';
import { Timestamp } from '../identifiers';
import { UserProfile } from './user-profile';

export const UserCreated = defineEvent({
  producer: 'users',
  detailType: 'User.UserCreated',
  version: '1',
  description: 'A user signed up and confirmed their email. Carries the minimal profile (PII: email, name).',
  consumers: [
    {
      service: 'orders',
      purpose: "Keeps the customer's name and email, to put on the orders they confirm (and so on the invoice).",
    },
  ],
  data: z.object({
    user: UserProfile,
    createdAt: Timestamp.describe('When the user confirmed their sign-up.'),
  }),
  sample: {
    user: { id: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c', email: 'ada.lovelace@example.com', name: 'Ada Lovelace' },
    createdAt: '2025-03-01T18:04:33.617Z',
  },
});
export type UserCreatedData = z.infer<typeof UserCreated.data>;
