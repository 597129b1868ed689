import { grantPutEventsForSource } from '@shop/cdk-constructs';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage } from './shop-stage';
import { DeployedTemplates } from './testing/resolve-intrinsics';
import { type Decision, simulatePutEvents } from './testing/simulate-put-events';
import { testApp } from './testing/test-app';

// Proves the bus policy with an IAM policy simulator: the synthesized templates of a real stage, with
// publisher roles defined the way services define them (in the stateless stack, granted through the paved path).
const ENV = { account: '111111111111', region: 'eu-west-1', partition: 'aws' };
const SERVICES = ['products', 'orders', 'invoices', 'users'] as const;

const lambdaRole = (stack: Stack, id: string) =>
  new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

function defineCallers(stack: Stack, bus: events.IEventBus) {
  for (const service of SERVICES) grantPutEventsForSource(bus, lambdaRole(stack, `${service}Role`), `shop.${service}`);
  // A service role that also received a broad grant by mistake: only the bus policy stands in the way.
  const careless = lambdaRole(stack, 'CarelessOrdersRole');
  grantPutEventsForSource(bus, careless, 'shop.orders');
  bus.grantPutEventsTo(careless);
  // A role outside the paved path (no service tag) with a broad grant.
  bus.grantPutEventsTo(lambdaRole(stack, 'UntaggedRole'));
}

describe('the bus policy, evaluated by an IAM policy simulator', () => {
  let putEvents: (role: string, sources: string[]) => Promise<Decision>;

  beforeAll(() => {
    const app = testApp({ stage: 'staging', account: ENV.account, region: ENV.region });
    const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
    const stage = new ShopStage(app, 'ShopStaging', { config });
    defineCallers(stage.stateless, stage.stateful.bus);
    const [stateful, stateless] = [stage.stateful, stage.stateless];
    const deployed = new DeployedTemplates(
      {
        [stateful.stackName]: Template.fromStack(stateful).toJSON() as never,
        [stateless.stackName]: Template.fromStack(stateless).toJSON() as never,
      },
      ENV,
    );
    const roleId = (id: string) =>
      stateless.getLogicalId(stateless.node.findChild(id).node.defaultChild as iam.CfnRole);
    putEvents = (role, sources) =>
      simulatePutEvents(deployed, {
        caller: { stack: stateless.stackName, role: roleId(role) },
        busStack: stateful.stackName,
        sources,
      });
  });

  it('allows the orders role to put shop.orders events', async () => {
    const decision = await putEvents('ordersRole', ['shop.orders']);

    expect(decision).toBe('Allowed');
  });

  it('explicitly denies the orders role shop.products events', async () => {
    const decision = await putEvents('ordersRole', ['shop.products']);

    expect(decision).toBe('ExplicitlyDenied');
  });

  it('denies a batch in which one entry has another service’s source', async () => {
    const decision = await putEvents('ordersRole', ['shop.orders', 'shop.products']);

    expect(decision).toBe('ExplicitlyDenied');
  });

  it.each(SERVICES.map((s) => [s, SERVICES.filter((other) => other !== s)] as const))(
    'lets %s put its own source and no other service’s',
    async (service, others) => {
      const own = await putEvents(`${service}Role`, [`shop.${service}`]);
      const foreign = await Promise.all(others.map((other) => putEvents(`${service}Role`, [`shop.${other}`])));

      expect(own).toBe('Allowed');
      expect(foreign).toEqual(others.map(() => 'ExplicitlyDenied'));
    },
  );

  it('holds a tagged role to its source even when it also has an unconditional grant', async () => {
    const own = await putEvents('CarelessOrdersRole', ['shop.orders']);
    const foreign = await putEvents('CarelessOrdersRole', ['shop.invoices']);

    expect(own).toBe('Allowed');
    expect(foreign).toBe('ExplicitlyDenied');
  });

  it('denies shop sources to a role without a service tag, whatever its grants', async () => {
    const decision = await putEvents('UntaggedRole', ['shop.orders']);

    expect(decision).toBe('ExplicitlyDenied');
  });

  it('leaves sources outside shop.* to the identity policy', async () => {
    const decision = await putEvents('UntaggedRole', ['partner.payments']);

    expect(decision).toBe('Allowed');
  });
});
