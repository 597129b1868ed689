import type { Address } from '@shop/events';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { InvoiceDocument } from '../domain/invoice';
import type { DocumentRenderer } from '../ports';
import { formatMoney } from './money-format';
import { PdfWriter } from './pdf-writer';

const A4: [number, number] = [595.28, 841.89];

const dateOf = (iso: string) => iso.slice(0, 10);

function titleOf(document: InvoiceDocument): string {
  return document.kind === 'INVOICE' ? `Invoice ${document.number}` : `Credit note ${document.number}`;
}

function addressLines(address: Address): string[] {
  const { name, line1, line2, city, region, postalCode, country } = address;
  return [name, line1, line2, [city, region].filter(Boolean).join(', '), postalCode, country].filter(
    (line): line is string => line !== undefined && line !== '',
  );
}

/**
 * Lays invoices and credit notes out on A4 with pdf-lib and the standard Helvetica fonts (no font files to
 * bundle): the shop's name, the number and issue date, the customer and billing address, the lines with their
 * rates, the tax summary and the totals. The metadata dates are the issue date, so the same document always
 * gives the same bytes (storing it again after a crash rewrites an identical object).
 */
export class PdfLibRenderer implements DocumentRenderer {
  constructor(private readonly shopName: string) {}

  async render(document: InvoiceDocument): Promise<Uint8Array> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    const issued = new Date(document.issuedAt);
    pdf.setTitle(titleOf(document));
    pdf.setAuthor(this.shopName);
    pdf.setCreationDate(issued);
    pdf.setModificationDate(issued);
    const fonts = {
      regular: await pdf.embedFont(StandardFonts.Helvetica),
      bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    };
    const writer = new PdfWriter(() => pdf.addPage(A4), fonts);
    this.header(writer, document);
    this.lines(writer, document);
    this.summary(writer, document);
    return pdf.save();
  }

  private header(writer: PdfWriter, document: InvoiceDocument): void {
    writer.text(this.shopName, { size: 20, bold: true });
    writer.gap(6);
    writer.text(titleOf(document), { size: 14, bold: true });
    writer.text(`Issue date: ${dateOf(document.issuedAt)}`);
    writer.text(`Order: ${document.orderId}`);
    if (document.kind === 'CREDIT_NOTE') writer.text(`Cancels invoice ${document.invoice.number} in full`);
    writer.gap(10);
    writer.text('Bill to', { bold: true });
    writer.text(`${document.customer.name} <${document.customer.email}>`);
    const address = addressLines(document.billingAddress);
    for (const line of address[0] === document.customer.name ? address.slice(1) : address) writer.text(line);
    writer.gap(14);
  }

  private lines(writer: PdfWriter, document: InvoiceDocument): void {
    const columns = [50, 250, 285, 365, 445, 505];
    writer.row(['Item', 'Qty', 'Unit price', 'VAT rate', 'VAT', 'Total'], columns, { bold: true });
    for (const line of document.lines) {
      writer.row(
        [
          line.name,
          String(line.quantity),
          formatMoney(line.unitPrice),
          line.taxRateName,
          formatMoney(line.tax),
          formatMoney(line.total),
        ],
        columns,
      );
    }
    writer.gap(14);
  }

  private summary(writer: PdfWriter, document: InvoiceDocument): void {
    const columns = [50, 300, 445];
    writer.row(['Tax summary', 'Net', 'VAT'], columns, { bold: true });
    for (const entry of document.taxSummary) {
      writer.row([entry.name, formatMoney(entry.net), formatMoney(entry.tax)], columns);
    }
    writer.gap(14);
    const { subtotal, shipping, tax, total } = document.totals;
    const sign = document.kind === 'CREDIT_NOTE' ? 'Total credited' : 'Total';
    writer.row(['Subtotal', formatMoney(subtotal)], [300, 445]);
    writer.row(['Shipping', formatMoney(shipping)], [300, 445]);
    writer.row(['VAT', formatMoney(tax)], [300, 445]);
    writer.row([sign, formatMoney(total)], [300, 445], { bold: true });
  }
}
