import { describe, expect, it } from 'vitest';
import { InvoiceNotFoundError } from '../domain/errors';
import { anOrderConfirmed } from '../domain/test-data';
import { inMemoryIssuing } from '../test-support/in-memory';
import { makeGetInvoice } from './get-invoice';
import { makeIssueCreditNote } from './issue-credit-note';
import { makeIssueInvoice } from './issue-invoice';
import { OrderCancelled } from '@shop/events';

async function anInvoicedOrder() {
  const deps = inMemoryIssuing();
  await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1', customerId: 'cust_1' }));
  return { deps, getInvoice: makeGetInvoice(deps) };
}

describe('getInvoice', () => {
  it('gives the customer their invoice and a PDF link that expires in five minutes', async () => {
    const { getInvoice } = await anInvoicedOrder();

    const view = await getInvoice('ord_1', { customerId: 'cust_1', isAdmin: false });

    expect(view.invoice).toMatchObject({ number: 'INV-2026-000001', orderId: 'ord_1', currency: 'GBP' });
    expect(view.invoice.creditNote).toBeUndefined();
    expect(view.pdf).toEqual({
      url: 'https://pdfs.example/invoices/2026/INV-2026-000001.pdf?expires=300',
      expiresAt: '2026-11-28T10:35:00.000Z',
    });
  });

  it('gives an admin anybody’s invoice', async () => {
    const { getInvoice } = await anInvoicedOrder();

    const view = await getInvoice('ord_1', { customerId: 'admin-1', isAdmin: true });

    expect(view.invoice.number).toBe('INV-2026-000001');
  });

  it('answers another customer exactly as if there were no invoice', async () => {
    const { getInvoice } = await anInvoicedOrder();

    const other = await getInvoice('ord_1', { customerId: 'cust_2', isAdmin: false }).catch((e: unknown) => e);
    const none = await getInvoice('ord_none', { customerId: 'cust_2', isAdmin: false }).catch((e: unknown) => e);

    expect(other).toBeInstanceOf(InvoiceNotFoundError);
    expect((other as Error).message.replace('ord_1', 'X')).toBe((none as Error).message.replace('ord_none', 'X'));
  });

  it('shows the credit note of a cancelled order', async () => {
    const { deps, getInvoice } = await anInvoicedOrder();
    await makeIssueCreditNote(deps)({ ...OrderCancelled.sample, orderId: 'ord_1' });

    const view = await getInvoice('ord_1', { customerId: 'cust_1', isAdmin: false });

    expect(view.invoice.creditNote).toEqual({
      id: 'id_2',
      number: 'CN-2026-000001',
      issuedAt: '2026-11-28T10:30:00.000Z',
    });
  });
});
