import { describe, expect, it } from 'vitest';
import { FiguresDoNotAddUpError } from './errors';
import { buildCreditNote, buildInvoice, pdfKeyOf, type Invoice } from './invoice';
import { anOrderConfirmed, gbp } from './test-data';

const IDS = { id: 'inv_1', issuedAt: '2026-11-28T10:30:00.000Z' };

describe('buildInvoice', () => {
  it('prints each line with its rate named for the billing country', () => {
    const { draft } = buildInvoice(anOrderConfirmed(), IDS);

    expect(draft.lines.map((line) => [line.sku, line.quantity, line.taxRateName, line.total.amount])).toEqual([
      ['MUG-ENAMEL-BLU', 2, 'Standard rate 20%', 3000],
      ['TEA-EARLGREY-250', 1, 'Zero rate 0%', 850],
    ]);
  });

  it('summarizes tax per rate, shipping included, adding up to the order’s tax', () => {
    const { draft } = buildInvoice(anOrderConfirmed(), IDS);

    expect(draft.taxSummary).toEqual([
      { name: 'Standard rate 20%', rateBasisPoints: 2000, net: gbp(2900), tax: gbp(580) },
      { name: 'Zero rate 0%', rateBasisPoints: 0, net: gbp(850), tax: gbp(0) },
    ]);
    expect(draft.taxSummary.reduce((sum, entry) => sum + entry.tax.amount, 0)).toBe(draft.totals.tax.amount);
  });

  it('keeps the order’s totals, customer and billing address', () => {
    const data = anOrderConfirmed({ orderId: 'ord_7', customerId: 'cust_7' });

    const { draft } = buildInvoice(data, IDS);

    expect(draft).toMatchObject({
      kind: 'INVOICE',
      id: 'inv_1',
      orderId: 'ord_7',
      customerId: 'cust_7',
      currency: 'GBP',
      totals: data.order.totals,
      billingAddress: data.billingAddress,
      customer: { name: 'Ada Lovelace', email: 'ada.lovelace@example.com' },
    });
  });

  it('reports the rates the table does not name', () => {
    const data = anOrderConfirmed();
    data.billingAddress = { ...data.billingAddress, country: 'DE' };

    const { draft, unknownRates } = buildInvoice(data, IDS);

    expect(unknownRates).toEqual([2000]);
    expect(draft.lines[0]?.taxRateName).toBe('VAT 20%');
    expect(draft.lines[1]?.taxRateName).toBe('Nullsatz 0%');
  });

  it('refuses an order whose figures do not add up', () => {
    const data = anOrderConfirmed();
    data.order.totals = { ...data.order.totals, total: gbp(4000) };

    expect(() => buildInvoice(data, IDS)).toThrow(FiguresDoNotAddUpError);
  });
});

describe('buildCreditNote', () => {
  it('credits the whole invoice and names it', () => {
    const invoice: Invoice = {
      ...buildInvoice(anOrderConfirmed(), IDS).draft,
      number: 'INV-2026-000001',
      status: 'ISSUED',
    };

    const note = buildCreditNote(invoice, { id: 'cn_1', issuedAt: '2026-11-29T08:00:00.000Z' });

    expect(note).toMatchObject({
      kind: 'CREDIT_NOTE',
      id: 'cn_1',
      invoice: { id: 'inv_1', number: 'INV-2026-000001' },
      totals: invoice.totals,
      lines: invoice.lines,
    });
  });
});

describe('pdfKeyOf', () => {
  it('files invoices and credit notes by year and number', () => {
    expect(pdfKeyOf({ kind: 'INVOICE', number: 'INV-2026-000001', issuedAt: IDS.issuedAt })).toBe(
      'invoices/2026/INV-2026-000001.pdf',
    );
    expect(pdfKeyOf({ kind: 'CREDIT_NOTE', number: 'CN-2026-000001', issuedAt: IDS.issuedAt })).toBe(
      'credit-notes/2026/CN-2026-000001.pdf',
    );
  });
});
