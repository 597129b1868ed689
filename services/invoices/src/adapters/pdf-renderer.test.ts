import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildCreditNote, buildInvoice, type Invoice } from '../domain/invoice';
import { anOrderConfirmed } from '../domain/test-data';
import { PdfLibRenderer } from './pdf-renderer';

const anInvoice = (): Invoice => ({
  ...buildInvoice(anOrderConfirmed(), { id: 'inv_1', issuedAt: '2026-11-28T10:30:00.000Z' }).draft,
  number: 'INV-2026-000123',
  status: 'NUMBERED',
});

async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  return text;
}

describe('PdfLibRenderer', () => {
  const renderer = new PdfLibRenderer('Shop');

  it('renders an A4 PDF that reads back with the shop, number, date, customer, lines, tax and total', async () => {
    const pdf = await renderer.render(anInvoice());

    const text = await textOf(pdf);

    for (const expected of [
      'Shop',
      'Invoice INV-2026-000123',
      'Issue date: 2026-11-28',
      'Ada Lovelace',
      'SW1Y 4JH',
      'Enamel camping mug, blue',
      'Earl Grey loose leaf tea, 250 g',
      'Standard rate 20%',
      'Zero rate 0%',
      'GBP 30.00',
      'GBP 5.80',
      'GBP 43.30',
    ]) {
      expect(text, expected).toContain(expected);
    }
    const page = (await (await getDocumentProxy(new Uint8Array(pdf))).getPage(1)).view;
    expect(page.map(Math.round)).toEqual([0, 0, 595, 842]);
  });

  it('gives the same bytes for the same document, so storing it again changes nothing', async () => {
    const first = await renderer.render(anInvoice());

    const second = await renderer.render(anInvoice());

    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('renders a credit note with its own number and the invoice it cancels', async () => {
    const note = {
      ...buildCreditNote(anInvoice(), { id: 'cn_1', issuedAt: '2026-12-01T08:00:00.000Z' }),
      number: 'CN-2026-000007',
      status: 'NUMBERED' as const,
    };

    const text = await textOf(await renderer.render(note));

    expect(text).toContain('Credit note CN-2026-000007');
    expect(text).toContain('Cancels invoice INV-2026-000123 in full');
    expect(text).toContain('Total credited');
  });

  it('prints characters the standard font lacks as "?" instead of failing, and pages long orders', async () => {
    const invoice = anInvoice();
    const [first] = invoice.lines;
    if (first === undefined) throw new Error('The sample has lines');
    const line = { ...first, name: '茶 Matcha' };
    const long = { ...invoice, lines: Array.from({ length: 120 }, () => line) };

    const pdf = await renderer.render(long);

    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(document.numPages).toBeGreaterThan(1);
    expect(await textOf(pdf)).toContain('? Matcha');
  });
});
