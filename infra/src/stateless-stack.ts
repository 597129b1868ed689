import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';
import type { StageConfig } from './config';

export interface StatelessStackProps extends StackProps {
  readonly config: StageConfig;
  /** From the stateful stack. */
  readonly bus: events.IEventBus;
}

/**
 * The services: one construct each (`new OrdersService(this, 'Orders', { bus: this.bus, ... })`), built from
 * the stateful stack's resources through typed props. Holds no data, so it is safe to destroy and redeploy.
 * It is empty until the first service is added.
 */
export class StatelessStack extends Stack {
  readonly config: StageConfig;
  readonly bus: events.IEventBus;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    const { config, bus, ...stackProps } = props;
    super(scope, id, stackProps);
    this.config = config;
    this.bus = bus;
    Validations.of(this).acknowledge({
      id: 'CloudFormation-Validate::F0001',
      reason:
        'The stack has no resources until the first service is added (the CDK CLI skips deploying an empty ' +
        'stack). Delete this acknowledgment with the first service.',
    });
  }
}
