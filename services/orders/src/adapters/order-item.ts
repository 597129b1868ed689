import { Address, InvoiceId, Money, OrderTotals, ProductId, Quantity, Sku, Timestamp } from '@shop/events';
import { z } from 'zod';
import { ORDER_CANCELLATION_REASONS, ORDER_STATUSES } from '../domain';

// The order item is written by the checkout workflow (DynamoDB SDK integrations), not by this code, so
// its attributes are a contract between the workflow and these readers (see the README's item design).
// A workflow cannot build typed DynamoDB lists of any length, so `lines`, `totals` and the addresses
// are JSON strings (States.JsonToString); `history` is a list of maps appended with list_append.

/** One line of a priced order: the shape Order.OrderConfirmed carries, so the workflow copies it as is. */
export const PricedOrderLine = z.object({
  sku: Sku,
  productId: ProductId,
  name: z.string().min(1).max(200),
  quantity: Quantity,
  unitPrice: Money,
  subtotal: Money.describe('unitPrice × quantity, before tax.'),
  taxRateBasisPoints: z.int().min(0).max(10000),
  tax: Money.describe('Tax on the line, rounded on the line.'),
  total: Money.describe('subtotal + tax.'),
});
export type PricedOrderLine = z.infer<typeof PricedOrderLine>;

export const OrderStatusChange = z.object({
  status: z.enum(ORDER_STATUSES),
  at: z.string(),
  reasonCode: z.enum(ORDER_CANCELLATION_REASONS).optional(),
});

/** The invoice issued for an order, as `Invoice.InvoiceIssued` announced it (a map on the order item). */
export const OrderInvoice = z.object({ id: InvoiceId, number: z.string(), issuedAt: Timestamp });
export type OrderInvoice = z.infer<typeof OrderInvoice>;

const jsonOf = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(schema);

/** The attributes of the order item this service reads, as the workflow writes them. */
const OrderItem = z.object({
  orderId: z.string(),
  customerId: z.string(),
  status: z.enum(ORDER_STATUSES),
  reasonCode: z.enum(ORDER_CANCELLATION_REASONS).optional(),
  lines: jsonOf(z.array(PricedOrderLine)),
  totals: jsonOf(OrderTotals),
  shippingAddress: jsonOf(Address),
  billingAddress: jsonOf(Address),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(OrderStatusChange).default([]),
  invoice: OrderInvoice.optional(),
});

/** An order as its customer sees it: status, history, lines, totals and addresses. */
export type OrderView = {
  readonly id: string;
  readonly customerId: string;
  readonly status: z.infer<typeof OrderItem>['status'];
  readonly reasonCode?: z.infer<typeof OrderItem>['reasonCode'];
  readonly lines: readonly PricedOrderLine[];
  readonly totals: OrderTotals;
  readonly itemCount: number;
  readonly shippingAddress: Address;
  readonly billingAddress: Address;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly z.infer<typeof OrderStatusChange>[];
  /** Once the invoices service issued it; `links.invoice` then says where to get it. */
  readonly invoice?: OrderInvoice;
  readonly links?: OrderLinks;
};

/** Where to follow an order to: its invoice (served by the invoices service). */
export type OrderLinks = { readonly invoice: string };

/** What a list of orders shows of each. */
export type OrderSummary = Pick<
  OrderView,
  'id' | 'status' | 'reasonCode' | 'totals' | 'itemCount' | 'createdAt' | 'updatedAt' | 'invoice' | 'links'
>;

/** @throws ZodError when the item does not hold what the workflow promised (a bug: a 500, logged). */
export function orderFromItem(item: Record<string, unknown>): OrderView {
  const { orderId, reasonCode, invoice, ...order } = OrderItem.parse(item);
  const itemCount = order.lines.reduce((count, line) => count + line.quantity, 0);
  return {
    id: orderId,
    ...order,
    itemCount,
    ...(reasonCode !== undefined && { reasonCode }),
    ...invoiceFields(orderId, invoice),
  };
}

export function summaryOf(order: OrderView): OrderSummary {
  const { id, status, reasonCode, totals, itemCount, createdAt, updatedAt, invoice } = order;
  return {
    id,
    status,
    ...(reasonCode !== undefined && { reasonCode }),
    totals,
    itemCount,
    createdAt,
    updatedAt,
    ...invoiceFields(id, invoice),
  };
}

/** @internal The invoice and the link to it, when the order has one; nothing otherwise. */
function invoiceFields(orderId: string, invoice: OrderInvoice | undefined): Pick<OrderView, 'invoice' | 'links'> {
  return invoice === undefined ? {} : { invoice, links: { invoice: `/orders/${orderId}/invoice` } };
}
