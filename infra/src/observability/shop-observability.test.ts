import { fileURLToPath } from 'node:url';
import { ServiceFunction } from '@shop/cdk-constructs';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { describe, expect, it } from 'vitest';
import { ShopObservability, type ShopObservabilityProps } from './shop-observability';

const HANDLER = fileURLToPath(new URL('./canary/storefront-checkout.js', import.meta.url));

function aStatelessStack(props: (stack: Stack) => Partial<ShopObservabilityProps> = () => ({})) {
  // Bundling is ServiceFunction's concern: this reads templates only.
  const stack = new Stack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Stateless');
  const placeOrder = new ServiceFunction(stack, 'PlaceOrderFunction', { entry: HANDLER, serviceName: 'orders' });
  const observability = new ShopObservability(stack, 'Observability', { stageName: 'prod', ...props(stack) });
  return { stack, placeOrder, observability, template: Template.fromStack(stack) };
}

describe('ShopObservability', () => {
  it("saves the queries in the stage's folder over every service function's log group", () => {
    const { stack, placeOrder, template } = aStatelessStack();

    const queries = Object.values(template.findResources('AWS::Logs::QueryDefinition')).map((q) => q.Properties);

    expect(queries).toHaveLength(3);
    for (const query of queries) {
      expect(query.Name).toMatch(/^ShopProd\//);
      expect(query.LogGroupNames).toEqual([stack.resolve(placeOrder.serviceLogGroup.logGroupName)]);
    }
  });

  it('has a business dashboard and no canary until the storefront is deployed', () => {
    const { observability, template } = aStatelessStack();

    expect(observability.canary).toBeUndefined();
    template.resourceCountIs('AWS::Synthetics::Canary', 0);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });

  it('runs the canary against the deployed storefront and shows its alarm on the business dashboard', () => {
    const { observability, template } = aStatelessStack((stack) => ({
      storefront: { url: 'https://shop.example.com', customerSecret: new secretsmanager.Secret(stack, 'Customer') },
    }));

    const dashboard = Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0];

    template.resourceCountIs('AWS::Synthetics::Canary', 1);
    expect(JSON.stringify(dashboard?.Properties.DashboardBody)).toContain(
      Stack.of(observability).getLogicalId(observability.canary?.failed.node.defaultChild as never),
    );
  });
});
