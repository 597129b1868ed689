import { z } from 'zod';
import { defineEvent } from '../define-event';
import { CustomerId, Timestamp } from '../identifiers';

export const UserDeleted = defineEvent({
  producer: 'users',
  detailType: 'User.UserDeleted',
  version: '1',
  description:
    'A user deleted their account: the profile and the sign-in are gone. Carries the id only (no PII), so ' +
    'each consumer erases or anonymises what it holds about that user.',
  consumers: [
    {
      service: 'orders',
      purpose:
        "Anonymises the customer's personal data (name, email, addresses) on their carts, orders and its copy " +
        'of the profile; keeps the order lines and amounts.',
    },
  ],
  data: z.object({
    userId: CustomerId.describe('The deleted user (Cognito `sub`); other services call it the customer id.'),
    deletedAt: Timestamp.describe('When the account was deleted.'),
  }),
  sample: {
    userId: '7f3b2c1a-9d4e-4f6a-8b2c-1d3e5f7a9b0c',
    deletedAt: '2025-04-02T08:15:00.000Z',
  },
});
export type UserDeletedData = z.infer<typeof UserDeleted.data>;
