import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine, newCustomerCart, newGuestCart, type Cart } from '../domain';
import { CATALOG, MUG, NOW, NOW_SECONDS, TEA } from '../domain/test-data';
import { DynamoCartRepository } from './dynamodb-cart-repository';
import { newCartId } from './ids';
import type { StoredCart } from './table';
import { createOrdersTable, startLocalDynamoDB, uniqueTableName, type LocalDynamoDB } from './testing/local-dynamodb';

let dynamodb: LocalDynamoDB;
let tableName: string;
let carts: DynamoCartRepository;

beforeAll(async () => {
  dynamodb = await startLocalDynamoDB();
  tableName = uniqueTableName('carts');
  await createOrdersTable(dynamodb.client, tableName);
  carts = new DynamoCartRepository({ doc: dynamodb.doc, tableName });
});
afterAll(() => dynamodb.stop());

const unsaved = (cart: Cart): StoredCart => ({ cart, version: 0, mergedGuestCartIds: [] });
const withMug = (stored: StoredCart, quantity = 1): StoredCart => ({
  ...stored,
  cart: addLine(stored.cart, { productId: MUG.id, quantity }, CATALOG, NOW),
});

/** A repository whose first `races` saves each lose to another request that adds a mug just before. */
class RacingRepository extends DynamoCartRepository {
  constructor(private races: number) {
    super({ doc: dynamodb.doc, tableName });
  }

  override async save(next: StoredCart): Promise<StoredCart> {
    if (this.races > 0) {
      this.races--;
      const current = await carts.get(next.cart.id);
      if (current === undefined) throw new Error('The cart under test is gone');
      const mugs = current.cart.lines.some((line) => line.productId === MUG.id);
      await carts.save(mugs ? { ...current } : withMug(current));
    }
    return super.save(next);
  }
}

describe('DynamoCartRepository', () => {
  it('stores a guest cart with the expiresAt TTL attribute and reads it back', async () => {
    const id = newCartId();

    await carts.save(withMug(unsaved(newGuestCart(id, id, NOW)), 2));

    const { Item } = await dynamodb.doc.send(
      new GetCommand({ TableName: tableName, Key: { pk: `CART#${id}`, sk: 'CART' } }),
    );
    expect(Item).toMatchObject({ expiresAt: NOW_SECONDS + 7 * 24 * 60 * 60, version: 1 });
    expect((await carts.get(id))?.cart).toEqual(
      addLine(newGuestCart(id, id, NOW), { productId: MUG.id, quantity: 2 }, CATALOG, NOW),
    );
  });

  it('stores a customer cart without expiresAt', async () => {
    const id = newCartId();

    await carts.save(unsaved(newCustomerCart(id, 'customer-1', NOW)));

    const { Item } = await dynamodb.doc.send(
      new GetCommand({ TableName: tableName, Key: { pk: `CART#${id}`, sk: 'CART' } }),
    );
    expect(Item).not.toHaveProperty('expiresAt');
    expect((await carts.get(id))?.cart.owner).toEqual({ kind: 'customer', customerId: 'customer-1' });
  });

  it('refuses a write from a stale version with ORDERS.CART_CONFLICT and keeps the winner', async () => {
    const id = newCartId();
    const first = await carts.save(unsaved(newGuestCart(id, id, NOW)));
    await carts.save(withMug(first, 1));

    const stale = carts.save(withMug(first, 5));

    await expect(stale).rejects.toMatchObject({ code: 'ORDERS.CART_CONFLICT' });
    expect((await carts.get(id))?.cart.lines).toEqual([{ productId: MUG.id, sku: MUG.sku, quantity: 1 }]);
  });

  it('reads again and reapplies a change when another request wrote in between', async () => {
    const id = newCartId();
    await carts.save(unsaved(newGuestCart(id, id, NOW)));
    const racing = new RacingRepository(1);
    let calls = 0;

    const result = await racing.update(id, (stored) => {
      calls++;
      return { ...stored, cart: addLine(stored.cart, { productId: TEA.id, quantity: 1 }, CATALOG, NOW) };
    });

    expect(calls).toBe(2);
    expect(result.cart.lines.map((line) => line.productId)).toEqual([MUG.id, TEA.id]);
    expect((await carts.get(id))?.cart.lines).toEqual(result.cart.lines);
  });

  it('gives up with ORDERS.CART_CONFLICT when another request wins three times running', async () => {
    const id = newCartId();
    await carts.save(unsaved(newGuestCart(id, id, NOW)));
    const racing = new RacingRepository(3);

    const update = racing.update(id, (stored) => ({
      ...stored,
      cart: addLine(stored.cart, { productId: TEA.id, quantity: 1 }, CATALOG, NOW),
    }));

    await expect(update).rejects.toMatchObject({ code: 'ORDERS.CART_CONFLICT' });
    expect((await carts.get(id))?.cart.lines.map((line) => line.productId)).toEqual([MUG.id]);
  });

  it('writes nothing when the change returns the stored cart itself', async () => {
    const id = newCartId();
    const saved = await carts.save(unsaved(newGuestCart(id, id, NOW)));

    const result = await carts.update(id, (stored) => stored);

    expect(result.version).toBe(saved.version);
    expect((await carts.get(id))?.version).toBe(saved.version);
  });

  it('answers ORDERS.CART_NOT_FOUND when changing a cart that does not exist', async () => {
    await expect(carts.update('cart_unknown', (stored) => stored)).rejects.toMatchObject({
      code: 'ORDERS.CART_NOT_FOUND',
    });
  });

  it('deletes a cart', async () => {
    const id = newCartId();
    await carts.save(unsaved(newGuestCart(id, id, NOW)));

    await carts.delete(id);

    expect(await carts.get(id)).toBeUndefined();
  });

  it('gives a customer one cart id, even when two first requests propose different ones', async () => {
    const ids = await Promise.all(
      ['cart_a', 'cart_b', 'cart_c'].map((proposed) => carts.customerCartId('customer-9', proposed)),
    );

    expect(new Set(ids).size).toBe(1);
    expect(await carts.customerCartId('customer-9', 'cart_d')).toBe(ids[0]);
  });
});
