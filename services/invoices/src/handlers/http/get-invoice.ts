import { makeHttpHandler, ok } from '@shop/lambda-kit';
import { z } from 'zod';
import { InvoiceNotFoundError, INVOICE_ERROR_STATUS } from '../../domain/errors';
import { makeGetInvoice } from '../../use-cases/get-invoice';
import { makeInvoiceStore, makePdfStore } from '../dependencies';
import { callerOf } from './caller';

const getInvoice = makeGetInvoice({ store: makeInvoiceStore(), pdfs: makePdfStore(), clock: () => new Date() });

const Path = z.object({ orderId: z.string().min(1).max(64) });

/** `GET /orders/{orderId}/invoice`: the order's invoice and a five-minute link to its PDF. */
export const handler = makeHttpHandler(
  { request: { path: Path }, errors: INVOICE_ERROR_STATUS },
  async ({ path, event }) => {
    const caller = callerOf(event);
    // Nobody signed in sees nothing, and gets the same answer as everybody else who may not see this invoice.
    if (caller.customerId === '' && !caller.isAdmin) throw new InvoiceNotFoundError(path.orderId);
    const view = await getInvoice(path.orderId, caller);
    // A link that works for five minutes must not outlive them in a cache.
    return ok(view, { 'cache-control': 'private, no-store' });
  },
);
