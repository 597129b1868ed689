import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { InvalidProductError, ReservationNotFoundError, StockContendedError } from '../domain/errors';
import {
  commitChange,
  mergeLines,
  releaseChange,
  reserveChange,
  type Stock,
  type StockChange,
  type StockLine,
} from '../domain/inventory';
import { decideReservation } from '../domain/reservation-decision';
import {
  commitReservation,
  newReservation,
  refusedReservation,
  releasedBeforeReserved,
  releaseReservation,
  type Reservation,
  type Transition,
} from '../domain/reservation';
import type { Inventory, ReserveOutcome, ReserveRequest, SettleOutcome } from '../ports';
import type { TableOptions } from './dynamodb-product-repository';
import { outboxPut } from './outbox';
import { stockReleased, stockReservationFailed, stockReserved } from './product-events';
import { stockUpdateItem } from './stock-updates';
import { reservationFromItem, reservationItem, reservationKey, stockFromItem, stockKey } from './table';
import { backoff, CONDITION_FAILED, transactWrite, type TransactItem } from './transactions';

/** How often a contended reservation is decided again before the message goes back to the queue. */
export const MAX_ATTEMPTS = 10;
/** A transaction takes 100 items: one per sku, the reservation and the outbox event. */
export const MAX_SKUS_PER_ORDER = 98;

/**
 * Stock reservations in the products table. Each step reads, decides with the domain rules, then writes
 * in one transaction whose conditions re-check what was read (stock still available, reservation still
 * in the state it was read in). If the transaction is cancelled, it reads again and decides again.
 */
export class DynamoInventory implements Inventory {
  private readonly doc: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => Date;

  constructor(options: TableOptions) {
    this.doc = options.doc;
    this.tableName = options.tableName;
    this.clock = options.clock ?? (() => new Date());
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const lines = mergeLines(request.lines);
    if (lines.length > MAX_SKUS_PER_ORDER)
      throw new InvalidProductError('lines', `at most ${MAX_SKUS_PER_ORDER} skus per order`);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const existing = await this.getReservation(request.orderId);
      if (existing) return { kind: 'ALREADY_SETTLED', status: existing.status };
      const outcome = await this.tryReserve(request, lines, await this.readStocks(lines));
      if (outcome) return outcome;
      await backoff(attempt);
    }
    throw new StockContendedError(request.orderId);
  }

  async release(orderId: string): Promise<SettleOutcome> {
    return this.settle(orderId, async (reservation, now) => {
      if (reservation === undefined) return this.tombstone(orderId, now);
      return this.apply(releaseReservation(reservation, now), now, releaseChange, (released) => [
        outboxPut(this.tableName, stockReleased(released, released.lines), now),
      ]);
    });
  }

  async commit(orderId: string): Promise<SettleOutcome> {
    return this.settle(orderId, async (reservation, now) => {
      if (reservation === undefined) throw new ReservationNotFoundError(orderId);
      // No event: the contract has none for a sale, and orders already knows the order is confirmed.
      return this.apply(commitReservation(reservation, now), now, commitChange, () => []);
    });
  }

  /** `undefined` when the transaction was cancelled and the stock must be read again. */
  private async tryReserve(
    request: ReserveRequest,
    lines: StockLine[],
    stocks: Map<string, Stock>,
  ): Promise<ReserveOutcome | undefined> {
    const now = this.clock();
    const decision = decideReservation(lines, stocks);
    if (decision.kind === 'REFUSE') {
      const refusal = { ...decision, orderId: request.orderId, taskToken: request.taskToken };
      const result = await transactWrite(this.doc, [
        this.putNew(refusedReservation(request.orderId, now)),
        outboxPut(this.tableName, stockReservationFailed(refusal, now), now),
      ]);
      return result.committed ? { kind: 'REFUSED', reasonCode: decision.reasonCode, lines: decision.lines } : undefined;
    }
    const reservation = newReservation(request.orderId, lines, now);
    const active = { expression: 'productStatus = :active', values: { ':active': 'ACTIVE' } };
    const result = await transactWrite(this.doc, [
      ...lines.map((line) => stockUpdateItem(this.tableName, reserveChange(line), now, active)),
      this.putNew(reservation),
      outboxPut(this.tableName, stockReserved(reservation, request.taskToken), now),
    ]);
    return result.committed ? { kind: 'RESERVED', reservationId: reservation.id } : undefined;
  }

  /** Release and commit: read the reservation, decide, write under the condition it has not moved meanwhile. */
  private async settle(
    orderId: string,
    step: (reservation: Reservation | undefined, now: Date) => Promise<SettleOutcome | undefined>,
  ): Promise<SettleOutcome> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const outcome = await step(await this.getReservation(orderId), this.clock());
      if (outcome) return outcome;
      await backoff(attempt);
    }
    throw new StockContendedError(orderId);
  }

  private async apply(
    transition: Transition,
    now: Date,
    change: (line: StockLine) => StockChange,
    events: (reservation: Reservation) => TransactItem[],
  ): Promise<SettleOutcome | undefined> {
    const { reservation } = transition;
    if (transition.kind === 'UNCHANGED') return { kind: 'UNCHANGED', status: reservation.status };
    const result = await transactWrite(this.doc, [
      ...reservation.lines.map((line) => stockUpdateItem(this.tableName, change(line), now)),
      {
        Put: {
          TableName: this.tableName,
          Item: reservationItem(reservation),
          ConditionExpression: '#status = :reserved',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':reserved': 'RESERVED' },
        },
      },
      ...events(reservation),
    ]);
    return result.committed ? { kind: 'CHANGED', status: reservation.status } : undefined;
  }

  /** A cancellation before any reservation: record it, so a late OrderPlaced for the order reserves nothing. */
  private async tombstone(orderId: string, now: Date): Promise<SettleOutcome | undefined> {
    const result = await transactWrite(this.doc, [this.putNew(releasedBeforeReserved(orderId, now))]);
    if (!result.committed && result.reasons[0] !== CONDITION_FAILED) throw new Error(`Release of ${orderId} failed`);
    return result.committed ? { kind: 'NOTHING_RESERVED', status: 'RELEASED' } : undefined;
  }

  private putNew(reservation: Reservation): TransactItem {
    const item = reservationItem(reservation);
    return { Put: { TableName: this.tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
  }

  private async getReservation(orderId: string): Promise<Reservation | undefined> {
    const key = reservationKey(orderId);
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }));
    return Item === undefined ? undefined : reservationFromItem(Item);
  }

  private async readStocks(lines: readonly StockLine[]): Promise<Map<string, Stock>> {
    const keys = lines.map((line) => stockKey(line.sku));
    const stocks = new Map<string, Stock>();
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [this.tableName]: { Keys: keys, ConsistentRead: true },
    };
    while (request && Object.keys(request).length > 0) {
      const { Responses, UnprocessedKeys } = await this.doc.send(new BatchGetCommand({ RequestItems: request }));
      for (const item of Responses?.[this.tableName] ?? []) stocks.set(String(item.sku), stockFromItem(item));
      request = UnprocessedKeys as typeof request;
    }
    return stocks;
  }
}
