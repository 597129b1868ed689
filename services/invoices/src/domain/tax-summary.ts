import type { Money } from '@shop/events';
import { taxOn } from './figures';
import { rateName } from './tax-rates';

/** The tax at one rate: the net it applies to and the tax on it. */
export type TaxSummaryEntry = {
  readonly name: string;
  /** Absent for shipping tax that matches no line's rate. */
  readonly rateBasisPoints?: number;
  readonly net: Money;
  readonly tax: Money;
};

type SummaryLine = { readonly taxRateBasisPoints: number; readonly subtotal: Money; readonly tax: Money };
type SummaryTotals = { readonly shipping: Money; readonly tax: Money };

const money = (amount: number, currency: string): Money => ({ amount, currency });

/**
 * The rate the shipping was taxed at. The event gives shipping's tax, not its rate (tax on shipping is the
 * order's tax less its lines'), so it joins the highest line rate that gives exactly that tax. None: `undefined`.
 */
function shippingRate(lines: readonly SummaryLine[], shipping: number, shippingTax: number): number | undefined {
  const rates = [...new Set(lines.map((line) => line.taxRateBasisPoints)), 0].sort((a, b) => b - a);
  return rates.find((rate) => taxOn(shipping, rate) === shippingTax);
}

/**
 * The tax summary an invoice prints: one entry per rate (highest first), each with the net it applies to and
 * the tax, shipping included; the entries' tax adds up to the order's tax exactly.
 */
export function summarizeTax(lines: readonly SummaryLine[], totals: SummaryTotals, country: string): TaxSummaryEntry[] {
  const currency = totals.tax.currency;
  const byRate = new Map<number, { net: number; tax: number }>();
  const add = (rate: number, net: number, tax: number) => {
    const entry = byRate.get(rate) ?? { net: 0, tax: 0 };
    byRate.set(rate, { net: entry.net + net, tax: entry.tax + tax });
  };
  for (const line of lines) add(line.taxRateBasisPoints, line.subtotal.amount, line.tax.amount);
  const shippingTax = totals.tax.amount - lines.reduce((sum, line) => sum + line.tax.amount, 0);
  const rate = totals.shipping.amount > 0 ? shippingRate(lines, totals.shipping.amount, shippingTax) : undefined;
  if (rate !== undefined) add(rate, totals.shipping.amount, shippingTax);
  const entries: TaxSummaryEntry[] = [...byRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rateBasisPoints, sums]) => ({
      name: rateName(country, rateBasisPoints).name,
      rateBasisPoints,
      net: money(sums.net, currency),
      tax: money(sums.tax, currency),
    }));
  if (totals.shipping.amount > 0 && rate === undefined) {
    entries.push({ name: 'VAT on shipping', net: totals.shipping, tax: money(shippingTax, currency) });
  }
  return entries;
}
