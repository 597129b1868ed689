import { describe, expect, it } from 'vitest';
import { FiguresDoNotAddUpError } from './errors';
import { checkFigures, taxOn } from './figures';
import { anOrderConfirmed, gbp } from './test-data';

type Order = ReturnType<typeof anOrderConfirmed>['order'];
const lineAt = (order: Order, index: number) => {
  const line = order.lines[index];
  if (line === undefined) throw new Error(`No line ${index}`);
  return line;
};
const firstLine = (order: Order) => lineAt(order, 0);

const problemsOf = (run: () => void): readonly string[] => {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof FiguresDoNotAddUpError) return error.problems;
    throw error;
  }
};

describe('checkFigures', () => {
  it('accepts an order whose figures add up, shipping tax included', () => {
    const { order } = anOrderConfirmed();

    expect(() => checkFigures(order)).not.toThrow();
  });

  it('refuses a line whose subtotal is not unit price × quantity', () => {
    const { order } = anOrderConfirmed();
    order.lines[0] = { ...firstLine(order), quantity: 3 };

    expect(problemsOf(() => checkFigures(order))).toEqual(['lines[0].subtotal is not unitPrice × quantity']);
  });

  it('refuses a line whose tax is not its subtotal at its rate', () => {
    const { order } = anOrderConfirmed();
    order.lines[0] = { ...firstLine(order), tax: gbp(499), total: gbp(2999) };
    order.totals = { ...order.totals, tax: gbp(579), total: gbp(4329) };

    expect(problemsOf(() => checkFigures(order))).toEqual(['lines[0].tax is not subtotal × 2000 bp, rounded half up']);
  });

  it('refuses a line whose total is not subtotal + tax', () => {
    const { order } = anOrderConfirmed();
    order.lines[1] = { ...lineAt(order, 1), total: gbp(851) };

    expect(problemsOf(() => checkFigures(order))).toEqual(['lines[1].total is not subtotal + tax']);
  });

  it('refuses order totals that are not the sums plus shipping', () => {
    const { order } = anOrderConfirmed();
    order.totals = { ...order.totals, subtotal: gbp(3351), total: gbp(4331) };

    expect(problemsOf(() => checkFigures(order))).toEqual(['totals.subtotal is not the sum of the lines’ subtotals']);
  });

  it('refuses a total that is off by one minor unit', () => {
    const { order } = anOrderConfirmed();
    order.totals = { ...order.totals, total: gbp(4331) };

    expect(problemsOf(() => checkFigures(order))).toEqual(['totals.total is not subtotal + shipping + tax']);
  });

  it('refuses tax on shipping when there is no shipping', () => {
    const { order } = anOrderConfirmed();
    order.totals = { ...order.totals, shipping: gbp(0), total: gbp(3930) };

    expect(problemsOf(() => checkFigures(order))).toEqual(['totals.tax includes tax on no shipping']);
  });

  it('refuses an amount in another currency, naming it', () => {
    const { order } = anOrderConfirmed();
    order.totals = { ...order.totals, shipping: { amount: 400, currency: 'EUR' } };

    expect(problemsOf(() => checkFigures(order))).toEqual(['totals.shipping is in EUR, not GBP']);
  });

  it('says which order and that the error is not worth retrying', () => {
    const { order } = anOrderConfirmed({ orderId: 'ord_bad' });
    order.totals = { ...order.totals, total: gbp(1) };

    const error = (() => {
      try {
        checkFigures(order);
      } catch (thrown) {
        return thrown;
      }
    })();

    expect(error).toMatchObject({ name: 'FiguresDoNotAddUpError', code: 'INVOICES.FIGURES_DO_NOT_ADD_UP' });
    expect(error).toMatchObject({ orderId: 'ord_bad', retryable: false });
  });
});

describe('taxOn', () => {
  it('rounds half a minor unit up and less than half down', () => {
    expect(taxOn(1250, 2000)).toBe(250);
    expect(taxOn(25, 2000)).toBe(5);
    expect(taxOn(1, 5000)).toBe(1);
    expect(taxOn(1, 4999)).toBe(0);
  });

  it('stays exact past 2^53 / 10 000', () => {
    expect(taxOn(9_000_000_000_000_000, 2000)).toBe(1_800_000_000_000_000);
  });
});
