import type { Address } from '@shop/events';
import type { PricedOrderLine } from '../order-item';

export const SHIPPING: Address = {
  name: 'Ada Lovelace',
  line1: 'Flat 3',
  line2: '45 Marylebone High Street',
  city: 'London',
  postalCode: 'W1U 5HG',
  country: 'GB',
};

export const MUG_LINE: PricedOrderLine = {
  sku: 'MUG-ENAMEL-BLU',
  productId: 'prod_mug',
  name: 'Enamel camping mug, blue',
  quantity: 2,
  unitPrice: { amount: 1250, currency: 'GBP' },
  subtotal: { amount: 2500, currency: 'GBP' },
  taxRateBasisPoints: 2000,
  tax: { amount: 500, currency: 'GBP' },
  total: { amount: 3000, currency: 'GBP' },
};

const gbp = (amount: number) => ({ amount, currency: 'GBP' });

export type OrderItemInput = {
  readonly orderId: string;
  readonly customerId: string;
  readonly createdAt: string;
  readonly status?: string;
  readonly reasonCode?: string;
};

/**
 * An order item exactly as the checkout workflow writes it with DynamoDB SDK integrations: lines,
 * totals and addresses as JSON strings (States.JsonToString), history as a list of maps.
 */
export function anOrderItem(input: OrderItemInput): Record<string, unknown> {
  const { orderId, customerId, createdAt, status = 'PENDING', reasonCode } = input;
  const history: Record<string, string>[] = [{ status: 'PENDING', at: createdAt }];
  if (status !== 'PENDING') history.push({ status, at: createdAt, ...(reasonCode && { reasonCode }) });
  return {
    pk: `ORDER#${orderId}`,
    sk: 'ORDER',
    orderId,
    customerId,
    status,
    ...(reasonCode && { reasonCode }),
    lines: JSON.stringify([MUG_LINE]),
    totals: JSON.stringify({ subtotal: gbp(2500), shipping: gbp(0), tax: gbp(500), total: gbp(3000) }),
    shippingAddress: JSON.stringify(SHIPPING),
    billingAddress: JSON.stringify(SHIPPING),
    createdAt,
    updatedAt: createdAt,
    history,
    gsi1pk: `CUSTOMER#${customerId}`,
    gsi1sk: `ORDER#${createdAt}#${orderId}`,
  };
}
