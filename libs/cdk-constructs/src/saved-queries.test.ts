import { App, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { CORRELATION_ID_TO_PASTE, SavedQueries, type SavedQueriesProps } from './saved-queries';

function queries(props: Partial<SavedQueriesProps> = {}) {
  const stack = new Stack(new App(), 'Observability');
  const orders = new logs.LogGroup(stack, 'OrdersLogs');
  const products = new logs.LogGroup(stack, 'ProductsLogs');
  new SavedQueries(stack, 'Queries', { folder: 'ShopProd', logGroups: [orders, products], ...props });
  const definitions = Template.fromStack(stack).findResources('AWS::Logs::QueryDefinition');
  const byName = Object.fromEntries(
    Object.values(definitions).map((d) => [d.Properties.Name as string, d.Properties as Record<string, unknown>]),
  );
  return { stack, byName, orders, products };
}

function lines(query: Record<string, unknown> | undefined): string[] {
  return String(query?.QueryString)
    .split('\n')
    .map((line) => line.trim());
}

describe('SavedQueries', () => {
  it("saves three queries in the stage's folder, over every service's log group", () => {
    const { byName, stack, orders, products } = queries();

    expect(Object.keys(byName).sort()).toEqual([
      'ShopProd/Errors by correlation id',
      'ShopProd/Path of a correlation id across services',
      'ShopProd/Slow requests',
    ]);
    for (const query of Object.values(byName)) {
      expect(query.LogGroupNames).toEqual([stack.resolve(orders.logGroupName), stack.resolve(products.logGroupName)]);
    }
  });

  it('counts errors per correlation id and service, most first', () => {
    const { byName } = queries();

    const query = lines(byName['ShopProd/Errors by correlation id']);

    expect(query).toContain('| filter level = "ERROR"');
    expect(query.find((l) => l.startsWith('| stats'))).toMatch(/count\(\*\) as errors.* by correlation_id, service$/);
    expect(query).toContain('| sort errors desc');
  });

  it("lists invocations slower than the threshold from Lambda's JSON report lines", () => {
    const { byName } = queries({ slowRequestThreshold: Duration.millis(1500) });

    const query = lines(byName['ShopProd/Slow requests']);

    expect(query).toEqual(
      expect.arrayContaining([
        '| filter type = "platform.report"',
        '| filter record.metrics.durationMs > 1500',
        '| sort record.metrics.durationMs desc',
      ]),
    );
  });

  it("follows one correlation id through every service's log lines in time order", () => {
    const { byName } = queries();

    const query = lines(byName['ShopProd/Path of a correlation id across services']);

    expect(query).toEqual(
      expect.arrayContaining([`| filter correlation_id = "${CORRELATION_ID_TO_PASTE}"`, '| sort @timestamp asc']),
    );
    expect(query[0]).toMatch(/^fields @timestamp, service, function_name, level, message, causation_id/);
  });
});
