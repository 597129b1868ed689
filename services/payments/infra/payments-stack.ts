import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { PaymentsSandbox, type PaymentsSandboxProps } from './payments-sandbox';

export interface PaymentsStackProps extends StackProps, PaymentsSandboxProps {}

/**
 * The payment sandbox as its own stack, as a third-party provider would be: the shop reaches it only through
 * its URL and API key. Termination protection follows `retain` unless set.
 *
 * @example
 * const payments = new PaymentsStack(stage, 'Payments', { retain: config.retainStatefulResources, rollout: config.rollout });
 * new OrdersService(stateless, 'Orders', { paymentsUrl: payments.url, paymentsApiKey: payments.apiKeySecret });
 */
export class PaymentsStack extends Stack {
  readonly sandbox: PaymentsSandbox;

  constructor(scope: Construct, id: string, props: PaymentsStackProps) {
    const { retain, timeoutCardDelay, rollout, logLevel, alarmActions, ...stackProps } = props;
    super(scope, id, { terminationProtection: retain, ...stackProps });
    this.sandbox = new PaymentsSandbox(this, 'Payments', {
      retain,
      timeoutCardDelay,
      rollout,
      logLevel,
      alarmActions,
    });
    new CfnOutput(this, 'PaymentsUrl', { value: this.sandbox.url, description: 'The payment sandbox API' });
    new CfnOutput(this, 'PaymentsApiKeySecretArn', {
      value: this.sandbox.apiKeySecret.secretArn,
      description: 'The secret holding the payment sandbox API key',
    });
  }

  /** The sandbox's base URL. */
  get url(): string {
    return this.sandbox.url;
  }

  /** The secret holding the API key (a plain string). */
  get apiKeySecret(): secretsmanager.ISecret {
    return this.sandbox.apiKeySecret;
  }
}
