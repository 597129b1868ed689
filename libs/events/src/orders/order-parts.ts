import { z } from 'zod';
import { Money } from '../envelope';

/** The sums of an order. All amounts are in the order's currency. */
export const OrderTotals = z
  .object({
    subtotal: Money.describe('Sum of the lines before tax.'),
    shipping: Money.describe('Shipping charge before tax.'),
    tax: Money.describe('All tax: on the lines and on shipping.'),
    total: Money.describe('What the customer pays: subtotal + shipping + tax.'),
  })
  .describe('The sums of the order.');
export type OrderTotals = z.infer<typeof OrderTotals>;
