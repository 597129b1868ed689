import { Stage, type StageProps, Tags } from 'aws-cdk-lib';
import { PaymentsStack } from '@shop/payments/infra';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface ShopStageProps extends StageProps {
  readonly config: StageConfig;
}

/**
 * One deployable copy of Shop (dev, staging or prod): the stateful stack and the stateless stack that
 * builds on it. A pipeline deploys the same stage class to each environment.
 */
export class ShopStage extends Stage {
  readonly stateful: StatefulStack;
  readonly stateless: StatelessStack;
  /** The payment sandbox, standing in for a card processor: a third party, so a stack of its own. */
  readonly payments: PaymentsStack;

  constructor(scope: Construct, id: string, props: ShopStageProps) {
    const { config, ...stageProps } = props;
    super(scope, id, { ...stageProps, env: config.env });
    Tags.of(this).add('shop:stage', config.stageName);

    this.stateful = new StatefulStack(this, 'Stateful', { config });
    this.payments = new PaymentsStack(this, 'Payments', { retain: config.retainStatefulResources });
    this.stateless = new StatelessStack(this, 'Stateless', {
      config,
      bus: this.stateful.bus,
      userPool: this.stateful.identity.userPool,
      apiClients: [this.stateful.identity.storefrontClient],
      products: this.stateful.products,
      orders: this.stateful.orders,
      invoices: this.stateful.invoices,
      users: this.stateful.users,
      payments: { url: this.payments.url, apiKeySecret: this.payments.apiKeySecret },
    });
    // Explicit, so the order holds even before a service references a stateful resource.
    this.stateless.addStackDependency(this.stateful, 'services use the bus and the tables of the stateful stack');
    this.stateless.addStackDependency(this.payments, 'the checkout pays through the payment sandbox');
  }
}

/**
 * The construct id of a stage, which prefixes its stack names (`ShopProd-Stateful`).
 *
 * @example
 * stageId('prod'); // 'ShopProd'
 */
export function stageId(stageName: string): string {
  return `Shop${stageName.charAt(0).toUpperCase()}${stageName.slice(1)}`;
}
