import { OrderCancelled } from '@shop/events';
import { describe, expect, it } from 'vitest';
import { InvoiceNotIssuedYetError } from '../domain/errors';
import { buildInvoice } from '../domain/invoice';
import { anOrderConfirmed } from '../domain/test-data';
import { inMemoryIssuing } from '../test-support/in-memory';
import { makeIssueCreditNote } from './issue-credit-note';
import { makeIssueInvoice } from './issue-invoice';

const cancellation = (orderId: string) => ({ ...OrderCancelled.sample, orderId });

describe('issueCreditNote', () => {
  it('credits an invoiced order with its own series, PDF and event', async () => {
    const deps = inMemoryIssuing();
    await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1' }));

    const result = await makeIssueCreditNote(deps)(cancellation('ord_1'));

    expect(result).toEqual({ kind: 'CREDITED', creditNoteId: 'id_2', number: 'CN-2026-000001' });
    expect(deps.pdfs.objects.has('credit-notes/2026/CN-2026-000001.pdf')).toBe(true);
    expect(deps.events.published).toEqual(['INV-2026-000001', 'CN-2026-000001']);
    const { creditNote } = await deps.store.documentsOf('ord_1');
    expect(creditNote).toMatchObject({ status: 'ISSUED', invoice: { number: 'INV-2026-000001' } });
  });

  it('issues one credit note however often the cancellation arrives', async () => {
    const deps = inMemoryIssuing();
    await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1' }));
    const credit = makeIssueCreditNote(deps);

    await credit(cancellation('ord_1'));
    const again = await credit(cancellation('ord_1'));

    expect(again).toMatchObject({ number: 'CN-2026-000001' });
    expect(deps.events.published).toEqual(['INV-2026-000001', 'CN-2026-000001']);
  });

  it('does nothing for an order that was never invoiced', async () => {
    const deps = inMemoryIssuing();

    const result = await makeIssueCreditNote(deps)(cancellation('ord_never'));

    expect(result).toEqual({ kind: 'NOT_INVOICED' });
    expect(deps.store.counters.size).toBe(0);
    expect(deps.log.lines.map((line) => line.message)).toEqual(['Cancelled order was never invoiced: no credit note']);
  });

  it('waits (fails, to be retried) while the invoice is numbered but not yet issued', async () => {
    const deps = inMemoryIssuing();
    const { draft } = buildInvoice(anOrderConfirmed({ orderId: 'ord_1' }), {
      id: 'inv_1',
      issuedAt: '2026-11-28T10:00:00.000Z',
    });
    await deps.store.saveNumbered(draft);

    await expect(makeIssueCreditNote(deps)(cancellation('ord_1'))).rejects.toThrow(InvoiceNotIssuedYetError);
  });
});
