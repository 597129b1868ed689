import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCreditNote, buildInvoice, type InvoiceDraft } from '../domain/invoice';
import { anOrderConfirmed } from '../domain/test-data';
import { LOCAL_AWS_TIMEOUTS, startLocalAws, type LocalAws } from '../test-support/local-aws';
import { aLocalInvoicesShop } from '../test-support/local-shop';
import { DynamoInvoiceStore } from './dynamodb-invoice-store';

vi.setConfig(LOCAL_AWS_TIMEOUTS);

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
});
afterAll(() => aws.stop());

async function aStore() {
  const shop = await aLocalInvoicesShop(aws);
  const tableName = shop.names.table;
  const store = new DynamoInvoiceStore({ doc: aws.doc, tableName });
  const counter = async (pk: string) =>
    (await aws.doc.send(new GetCommand({ TableName: tableName, Key: { pk, sk: 'COUNTER' } }))).Item?.last;
  return { store, counter, tableName };
}

const draftFor = (orderId: string, issuedAt = '2026-11-28T10:30:00.000Z'): InvoiceDraft =>
  buildInvoice(anOrderConfirmed({ orderId }), { id: `inv_${orderId}`, issuedAt }).draft;

describe('DynamoInvoiceStore', () => {
  it('numbers 100 concurrent invoices from 10 functions 1 to 100, without a gap or a repeat', async () => {
    const { counter, tableName } = await aStore();
    // Ten functions (each its own store, as each Lambda instance has) with a batch of ten records each.
    const functions = Array.from({ length: 10 }, () => new DynamoInvoiceStore({ doc: aws.doc, tableName }));
    const drafts = Array.from({ length: 100 }, (_, index) => draftFor(`ord_${index}`));

    const saved = await Promise.all(drafts.map((draft, index) => functions[index % 10]?.saveNumbered(draft)));

    const sequences = saved.map((invoice) => Number(invoice?.number.slice(-6))).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    expect(await counter('COUNTER#INV#2026')).toBe(100);
  });

  it('gives concurrent saves for one order one invoice and burns no number', async () => {
    const { store, counter } = await aStore();

    const saved = await Promise.all(
      Array.from({ length: 10 }, (_, attempt) => store.saveNumbered({ ...draftFor('ord_dup'), id: `inv_${attempt}` })),
    );

    expect(new Set(saved.map((invoice) => `${invoice.id} ${invoice.number}`)).size).toBe(1);
    expect(await counter('COUNTER#INV#2026')).toBe(1);
    expect((await store.documentsOf('ord_dup')).invoice?.number).toBe('INV-2026-000001');
  });

  it('numbers credit notes in their own series, and each year from 1', async () => {
    const { store } = await aStore();
    const invoice = await store.saveNumbered(draftFor('ord_a'));
    await store.saveNumbered(draftFor('ord_b'));

    const note = await store.saveNumbered(
      buildCreditNote(invoice, { id: 'cn_a', issuedAt: '2026-12-01T00:00:00.000Z' }),
    );
    const nextYear = await store.saveNumbered(draftFor('ord_c', '2027-01-01T00:00:00.000Z'));

    expect(note.number).toBe('CN-2026-000001');
    expect(nextYear.number).toBe('INV-2027-000001');
    expect(await store.documentsOf('ord_a')).toMatchObject({
      invoice: { number: 'INV-2026-000001', status: 'NUMBERED' },
      creditNote: { number: 'CN-2026-000001', invoice: { number: 'INV-2026-000001' } },
    });
  });

  it('marks a document issued, and marking it again changes nothing', async () => {
    const { store } = await aStore();
    const invoice = await store.saveNumbered(draftFor('ord_m'));

    await store.markIssued(invoice);
    await store.markIssued(invoice);

    expect((await store.documentsOf('ord_m')).invoice).toEqual({ ...invoice, status: 'ISSUED' });
  });

  it('finds nothing for an order without documents', async () => {
    const { store } = await aStore();

    expect(await store.documentsOf('ord_none')).toEqual({});
  });
});
