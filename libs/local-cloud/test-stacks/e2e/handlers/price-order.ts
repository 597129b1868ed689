interface Money {
  readonly amount: number;
  readonly currency: string;
}

interface PriceOrderEvent {
  readonly orderId: string;
  readonly lines: ReadonlyArray<{ readonly sku: string; readonly quantity: number; readonly unitPrice: Money }>;
}

/** Prices an order's lines in minor units: the logic a workflow leaves to a Lambda. */
export const handler = async (event: PriceOrderEvent): Promise<{ total: Money }> => {
  const currency = event.lines[0]?.unitPrice.currency ?? 'GBP';
  const amount = event.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice.amount, 0);
  return { total: { amount, currency } };
};
