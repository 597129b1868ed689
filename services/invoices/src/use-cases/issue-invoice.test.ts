import { describe, expect, it } from 'vitest';
import { FiguresDoNotAddUpError } from '../domain/errors';
import { anOrderConfirmed, gbp } from '../domain/test-data';
import { inMemoryIssuing } from '../test-support/in-memory';
import { makeIssueInvoice } from './issue-invoice';

describe('issueInvoice', () => {
  it('numbers the invoice, stores its PDF at its key, publishes it and marks it issued', async () => {
    const deps = inMemoryIssuing();

    const result = await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1' }));

    expect(result).toEqual({ invoiceId: 'id_1', number: 'INV-2026-000001' });
    expect([...deps.pdfs.objects.keys()]).toEqual(['invoices/2026/INV-2026-000001.pdf']);
    expect(deps.events.published).toEqual(['INV-2026-000001']);
    expect((await deps.store.documentsOf('ord_1')).invoice?.status).toBe('ISSUED');
  });

  it('reuses the order’s invoice for a second event, burning no number and publishing nothing more', async () => {
    const deps = inMemoryIssuing();
    const issue = makeIssueInvoice(deps);
    await issue(anOrderConfirmed({ orderId: 'ord_1' }));

    const again = await issue(anOrderConfirmed({ orderId: 'ord_1' }));
    const next = await issue(anOrderConfirmed({ orderId: 'ord_2' }));

    expect(again.number).toBe('INV-2026-000001');
    expect(next.number).toBe('INV-2026-000002');
    expect(deps.events.published).toEqual(['INV-2026-000001', 'INV-2026-000002']);
  });

  it('goes on from a numbered invoice whose PDF and event never happened', async () => {
    const deps = inMemoryIssuing();
    const brokenS3 = { put: () => Promise.reject(new Error('S3 down')), downloadUrl: deps.pdfs.downloadUrl };
    const failingPdfs = { ...deps, pdfs: brokenS3 };
    await expect(makeIssueInvoice(failingPdfs)(anOrderConfirmed({ orderId: 'ord_1' }))).rejects.toThrow('S3 down');

    const result = await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1' }));

    expect(result.number).toBe('INV-2026-000001');
    expect(deps.pdfs.objects.has('invoices/2026/INV-2026-000001.pdf')).toBe(true);
    expect(deps.events.published).toEqual(['INV-2026-000001']);
  });

  it('counts an invoice once, on the call that issues it, however often its order is confirmed', async () => {
    const deps = inMemoryIssuing();
    const issue = makeIssueInvoice(deps);

    await issue(anOrderConfirmed({ orderId: 'ord_1' }));
    await issue(anOrderConfirmed({ orderId: 'ord_1' }));
    await issue(anOrderConfirmed({ orderId: 'ord_2' }));

    expect(deps.metrics.invoicesIssued).toBe(2);
  });

  it('counts an invoice whose first attempt failed half way when a retry issues it', async () => {
    const deps = inMemoryIssuing();
    const brokenS3 = { put: () => Promise.reject(new Error('S3 down')), downloadUrl: deps.pdfs.downloadUrl };
    await expect(
      makeIssueInvoice({ ...deps, pdfs: brokenS3 })(anOrderConfirmed({ orderId: 'ord_1' })),
    ).rejects.toThrow();

    await makeIssueInvoice(deps)(anOrderConfirmed({ orderId: 'ord_1' }));

    expect(deps.metrics.invoicesIssued).toBe(1);
  });

  it('writes nothing for an order whose figures do not add up', async () => {
    const deps = inMemoryIssuing();
    const data = anOrderConfirmed({ orderId: 'ord_bad' });
    data.order.totals = { ...data.order.totals, total: gbp(1) };

    await expect(makeIssueInvoice(deps)(data)).rejects.toThrow(FiguresDoNotAddUpError);

    expect(deps.store.counters.size).toBe(0);
    expect(deps.events.published).toEqual([]);
  });

  it('warns once about each rate the table cannot name, without personal data', async () => {
    const deps = inMemoryIssuing();
    const data = anOrderConfirmed({ orderId: 'ord_de' });
    data.billingAddress = { ...data.billingAddress, country: 'DE' };

    await makeIssueInvoice(deps)(data);

    const warnings = deps.log.lines.filter((line) => line.level === 'warn');
    expect(warnings.map((line) => line.attributes)).toEqual([
      { orderId: 'ord_de', country: 'DE', unknownRates: [2000] },
    ]);
  });
});
