import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NumberContendedError } from '../domain/errors';
import type { CreditNote, CreditNoteDraft, Invoice, InvoiceDraft, Numbered } from '../domain/invoice';
import { SERIES, documentNumber, numberingYear, type Series } from '../domain/numbering';
import type { InvoiceStore, OrderDocuments } from '../ports';
import { Serial } from './serial';
import { CONDITION_FAILED, jitteredDelay, sleep, transactWrite, type TransactItem } from './transactions';

/** Attempts at taking a number before the record fails (and SQS retries it later). */
export const MAX_NUMBERING_ATTEMPTS = 60;

type Draft = InvoiceDraft | CreditNoteDraft;

const SORT_KEY = { INVOICE: 'INVOICE', CREDIT_NOTE: 'CREDIT_NOTE' } as const;
const orderKey = (orderId: string, kind: Draft['kind']) => ({ pk: `ORDER#${orderId}`, sk: SORT_KEY[kind] });
const counterKey = (series: Series, year: number) => ({ pk: `COUNTER#${series}#${year}`, sk: 'COUNTER' });
const numberKey = (number: string) => ({ pk: `NUMBER#${number}`, sk: 'NUMBER' });
const seriesOf = (draft: Draft): Series => (draft.kind === 'INVOICE' ? SERIES.invoice : SERIES.creditNote);

export type DynamoInvoiceStoreOptions = {
  readonly doc: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Waits between contended attempts; tests may pass one that does not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
};

/**
 * Invoices and credit notes in one table (item design: the service README). A number is taken and its
 * document saved in one TransactWriteItems: the year's counter, on the condition that it still holds the value
 * read; the document under its order, on the condition that the order has none of its kind (the per-order
 * guard); and the number's own item, on the condition that it is new. So numbers have no gaps and no repeats
 * whatever the concurrency, and a second event for an order burns no number.
 */
export class DynamoInvoiceStore implements InvoiceStore {
  private readonly wait: (ms: number) => Promise<void>;
  private readonly serial = new Serial();

  constructor(private readonly options: DynamoInvoiceStoreOptions) {
    this.wait = options.sleep ?? sleep;
  }

  async documentsOf(orderId: string): Promise<OrderDocuments> {
    const { Items = [] } = await this.options.doc.send(
      new QueryCommand({
        TableName: this.options.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ORDER#${orderId}` },
        ConsistentRead: true,
      }),
    );
    const bySortKey = new Map(Items.map(({ pk: _pk, sk, ...document }) => [sk as string, document]));
    return {
      ...(bySortKey.has(SORT_KEY.INVOICE) && { invoice: bySortKey.get(SORT_KEY.INVOICE) as Invoice }),
      ...(bySortKey.has(SORT_KEY.CREDIT_NOTE) && { creditNote: bySortKey.get(SORT_KEY.CREDIT_NOTE) as CreditNote }),
    };
  }

  async saveNumbered<D extends Draft>(draft: D): Promise<Numbered<D>> {
    // Records of one batch run concurrently: in one process they take numbers in turn, so they never make each
    // other retry. The transaction's conditions still decide between concurrent functions.
    return this.serial.run(`${seriesOf(draft)}#${numberingYear(draft.issuedAt)}`, () => this.number(draft));
  }

  private async number<D extends Draft>(draft: D): Promise<Numbered<D>> {
    const series = seriesOf(draft);
    const year = numberingYear(draft.issuedAt);
    for (let attempt = 0; attempt < MAX_NUMBERING_ATTEMPTS; attempt++) {
      // Read right before writing: a value learnt before the backoff is almost surely stale after it.
      const last = await this.lastNumber(series, year);
      const document = { ...draft, number: documentNumber(series, year, last + 1), status: 'NUMBERED' as const };
      const result = await transactWrite(this.options.doc, this.numberingItems(document, series, last));
      if (result.committed) return document;
      // The order got its document meanwhile (a concurrent duplicate): that one is the answer.
      if (result.reasons[1]?.code === CONDITION_FAILED) return (await this.find(draft)) as Numbered<D>;
      await this.wait(jitteredDelay(attempt));
    }
    throw new NumberContendedError(series, MAX_NUMBERING_ATTEMPTS);
  }

  async markIssued(document: Pick<Draft, 'orderId' | 'kind'>): Promise<void> {
    await this.options.doc.send(
      new UpdateCommand({
        TableName: this.options.tableName,
        Key: orderKey(document.orderId, document.kind),
        UpdateExpression: 'SET #status = :issued',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':issued': 'ISSUED' },
      }),
    );
  }

  private async lastNumber(series: Series, year: number): Promise<number> {
    const { Item } = await this.options.doc.send(
      new GetCommand({ TableName: this.options.tableName, Key: counterKey(series, year), ConsistentRead: true }),
    );
    return (Item?.last as number | undefined) ?? 0;
  }

  private async find(draft: Draft) {
    const documents = await this.documentsOf(draft.orderId);
    return draft.kind === 'INVOICE' ? documents.invoice : documents.creditNote;
  }

  private numberingItems(document: Numbered<Draft>, series: Series, last: number): TransactItem[] {
    const TableName = this.options.tableName;
    const year = numberingYear(document.issuedAt);
    const isNew = 'attribute_not_exists(pk)';
    return [
      {
        Put: {
          TableName,
          Item: { ...counterKey(series, year), last: last + 1, series, year },
          ConditionExpression: last === 0 ? isNew : '#last = :last',
          ...(last > 0 && {
            ExpressionAttributeNames: { '#last': 'last' },
            ExpressionAttributeValues: { ':last': last },
          }),
        },
      },
      {
        Put: {
          TableName,
          Item: { ...orderKey(document.orderId, document.kind), ...document },
          ConditionExpression: isNew,
        },
      },
      {
        Put: {
          TableName,
          Item: { ...numberKey(document.number), orderId: document.orderId, kind: document.kind },
          ConditionExpression: isNew,
        },
      },
    ];
  }
}
