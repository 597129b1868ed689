import { z } from 'zod';

/**
 * The checkout workflow waits on a task token (Step Functions `putEvents.waitForTaskToken`) after it
 * publishes Order.OrderPlaced; products echoes the token in its answer, and orders' rule for that answer
 * completes the waiting task with it.
 */
export const CheckoutTaskToken = z
  .string()
  .min(1)
  .describe(
    'Task token of the checkout execution waiting for this answer, copied from Order.OrderPlaced. Orders completes the waiting task with it.',
  );
