import { describe, expect, it } from 'vitest';
import { addLine, GUEST_CART_TTL_SECONDS, MAX_CART_LINES, newCustomerCart, newGuestCart, type CartLine } from './cart';
import { mergeGuestCart } from './cart-merge';
import { CATALOG, LATER, NOW } from './test-data';

const line = (productId: string, quantity: number): CartLine => ({ productId, sku: productId.toUpperCase(), quantity });
const guestWith = (...lines: CartLine[]) => ({ ...newGuestCart('cart_g', 'guest_1', NOW), lines });
const customerWith = (...lines: CartLine[]) => ({ ...newCustomerCart('cart_c', 'cust_1', NOW), lines });

describe('mergeGuestCart', () => {
  it('adds the guest’s lines after the customer’s and sums quantities of the same product', () => {
    const guest = guestWith(line('prod_tea', 1), line('prod_mug', 2));
    const customer = customerWith(line('prod_mug', 3));

    const { cart, dropped } = mergeGuestCart(guest, customer, LATER);

    expect(cart.lines).toEqual([line('prod_mug', 5), line('prod_tea', 1)]);
    expect(cart.owner).toEqual({ kind: 'customer', customerId: 'cust_1' });
    expect(cart.id).toBe('cart_c');
    expect(cart.updatedAt).toBe(LATER.toISOString());
    expect(dropped).toEqual([]);
  });

  it('caps a line at 99 and reports the items left out', () => {
    const { cart, dropped } = mergeGuestCart(
      guestWith(line('prod_mug', 60)),
      customerWith(line('prod_mug', 50)),
      LATER,
    );

    expect(cart.lines).toEqual([line('prod_mug', 99)]);
    expect(dropped).toEqual([line('prod_mug', 11)]);
  });

  it('stops at 50 products and reports the lines left out', () => {
    const customerLines = Array.from({ length: MAX_CART_LINES - 1 }, (_, i) => line(`prod_${i}`, 1));

    const { cart, dropped } = mergeGuestCart(
      guestWith(line('prod_a', 1), line('prod_b', 2)),
      customerWith(...customerLines),
      LATER,
    );

    expect(cart.lines).toHaveLength(MAX_CART_LINES);
    expect(cart.lines.at(-1)).toEqual(line('prod_a', 1));
    expect(dropped).toEqual([line('prod_b', 2)]);
  });

  it('brings nothing from an expired guest cart', () => {
    const expiredAt = new Date(NOW.getTime() + GUEST_CART_TTL_SECONDS * 1000);
    const customer = customerWith(line('prod_mug', 1));

    const merge = mergeGuestCart(guestWith(line('prod_tea', 4)), customer, expiredAt);

    expect(merge).toEqual({ cart: customer, dropped: [] });
  });

  it('returns the customer cart untouched when the guest cart is empty', () => {
    const customer = addLine(
      newCustomerCart('cart_c', 'cust_1', NOW),
      { productId: 'prod_mug', quantity: 1 },
      CATALOG,
      NOW,
    );

    expect(mergeGuestCart(guestWith(), customer, LATER).cart).toBe(customer);
  });
});
