import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

export interface ServiceStackProps<T> extends StackProps {
  /** Builds the service's construct in this stack. */
  readonly build: (stack: Stack) => T;
}

/**
 * A stateless stack holding one service (ADR 28): the service deploys, rolls out and rolls back on its own, and
 * no stack approaches CloudFormation's 500 resources as services grow (an alias, a deployment group and their
 * alarms for every function add up quickly). It reads the stateful stack's data and the shared HTTP API by
 * reference.
 *
 * @example
 * const invoices = new ServiceStack(stage, 'Invoices', { build: (stack) => new InvoicesService(stack, 'Invoices', props) });
 */
export class ServiceStack<T> extends Stack {
  readonly service: T;

  constructor(scope: Construct, id: string, props: ServiceStackProps<T>) {
    const { build, ...stackProps } = props;
    super(scope, id, stackProps);
    this.service = build(this);
  }
}
