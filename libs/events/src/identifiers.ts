import { z } from 'zod';

// Ids are opaque strings: consumers store and compare them, never parse them.
const id = (what: string) => z.string().min(1).max(64).describe(what);

export const ProductId = id('Product id, assigned by the products service.');
export const Sku = z
  .string()
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, 'Expected an upper-case SKU such as "MUG-ENAMEL-BLU"')
  .describe('Stock keeping unit: the code stock is counted by, e.g. "MUG-ENAMEL-BLU".');
export const OrderId = id('Order id, assigned by the orders service.');
export const CustomerId = id('Customer id: the user id given by the users service (Cognito `sub`).');
export const ReservationId = id('Stock reservation id, assigned by the products service.');
export const InvoiceId = id('Invoice id, assigned by the invoices service.');
export const CreditNoteId = id('Credit note id, assigned by the invoices service.');

/** A UTC instant, ISO 8601 with `Z`, e.g. "2025-03-14T09:26:53.120Z". */
export const Timestamp = z.iso.datetime().describe('UTC instant, ISO 8601, e.g. "2025-03-14T09:26:53.120Z".');

/** A quantity of items: a positive whole number. */
export const Quantity = z.int().positive().max(1000).describe('Number of items.');
