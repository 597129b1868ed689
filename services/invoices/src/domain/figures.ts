import type { Money, OrderConfirmedData } from '@shop/events';
import { FiguresDoNotAddUpError } from './errors';

type Order = OrderConfirmedData['order'];

const WHOLE = 10_000n;

/**
 * Tax on a net amount at a rate in basis points, rounded half up to the minor unit: the rule orders prices
 * with (per line, HMRC VAT Notice 700 §17.5). In BigInt: `net × rate` passes 2^53 long before `net` does.
 */
export function taxOn(net: number, basisPoints: number): number {
  return Number((BigInt(net) * BigInt(basisPoints) + WHOLE / 2n) / WHOLE);
}

const sum = (amounts: readonly number[]) => amounts.reduce((total, amount) => total + BigInt(amount), 0n);

function lineProblems(order: Order): string[] {
  return order.lines.flatMap((line, index) => {
    const at = `lines[${index}]`;
    const problems: string[] = [];
    if (BigInt(line.unitPrice.amount) * BigInt(line.quantity) !== BigInt(line.subtotal.amount)) {
      problems.push(`${at}.subtotal is not unitPrice × quantity`);
    }
    if (taxOn(line.subtotal.amount, line.taxRateBasisPoints) !== line.tax.amount) {
      problems.push(`${at}.tax is not subtotal × ${line.taxRateBasisPoints} bp, rounded half up`);
    }
    if (sum([line.subtotal.amount, line.tax.amount]) !== BigInt(line.total.amount)) {
      problems.push(`${at}.total is not subtotal + tax`);
    }
    return problems;
  });
}

function totalProblems(order: Order): string[] {
  const { totals, lines } = order;
  const problems: string[] = [];
  if (sum(lines.map((line) => line.subtotal.amount)) !== BigInt(totals.subtotal.amount)) {
    problems.push('totals.subtotal is not the sum of the lines’ subtotals');
  }
  const shippingTax = BigInt(totals.tax.amount) - sum(lines.map((line) => line.tax.amount));
  if (shippingTax < 0n) problems.push('totals.tax is less than the sum of the lines’ tax');
  if (shippingTax > 0n && totals.shipping.amount === 0) problems.push('totals.tax includes tax on no shipping');
  if (sum([totals.subtotal.amount, totals.shipping.amount, totals.tax.amount]) !== BigInt(totals.total.amount)) {
    problems.push('totals.total is not subtotal + shipping + tax');
  }
  return problems;
}

function currencyProblems(order: Order): string[] {
  const amounts: [string, Money][] = [
    ...order.lines.flatMap((line, index): [string, Money][] =>
      (['unitPrice', 'subtotal', 'tax', 'total'] as const).map((field) => [`lines[${index}].${field}`, line[field]]),
    ),
    ...Object.entries(order.totals).map(([field, money]): [string, Money] => [`totals.${field}`, money]),
  ];
  return amounts
    .filter(([, money]) => money.currency !== order.currency)
    .map(([path, money]) => `${path} is in ${money.currency}, not ${order.currency}`);
}

/**
 * Checks that an order's figures add up exactly, in minor units: each line's subtotal is unitPrice × quantity,
 * its tax is the subtotal at its rate (rounded half up), its total is subtotal + tax; the order's subtotal is the
 * sum of the lines', its tax is at least the lines' (the rest is tax on shipping), its total is
 * subtotal + shipping + tax; and every amount is in the order's currency.
 *
 * @throws FiguresDoNotAddUpError naming every figure that does not add up.
 */
export function checkFigures(order: Order): void {
  const problems = [...currencyProblems(order), ...lineProblems(order), ...totalProblems(order)];
  if (problems.length > 0) throw new FiguresDoNotAddUpError(order.id, problems);
}
