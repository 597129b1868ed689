import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

/**
 * The fixture's user pool, HTTP APIs and key secret stand in for the ones the root infra and the payments
 * service build (and check); only the orders constructs are under test here.
 */
function acknowledgeFixture(stage: ReturnType<typeof ordersStage>) {
  const reason = 'Test fixture standing in for a resource another project builds, and checks in its own tests.';
  const acknowledge = (construct: IConstruct, ...ids: string[]) => {
    for (const id of ids) Validations.of(construct).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
  };
  acknowledge(stage.userPool, 'COG1', 'COG2', 'COG8');
  acknowledge(stage.httpApi.node.findChild('DefaultStage'), 'APIG1');
  acknowledge(stage.paymentsStack, 'APIG1', 'SMG4');
}

describe('Orders constructs under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it.each([[[]], [['https://shop.example']]])(
    'pass the AWS Solutions checks (allowed origins: %j)',
    (allowedOrigins) => {
      const stage = ordersStage({ withAlarmTopic: true, allowedOrigins });
      acknowledgeFixture(stage);

      const findings = awsSolutionsFindings(stage.app, stage.stage);

      expect(findings).toEqual([]);
    },
  );

  it('acknowledge only DLQs, X-Ray and log delivery, guest cart routes, WAF, the Checkout’s ERROR logs and described executions', () => {
    const stage = ordersStage({ allowedOrigins: ['https://shop.example'] });

    const found = acknowledgments(stage.service);

    const byRule = Object.groupBy(found, (a) => a.id.replace(/\[Resource::arn:.*\]$/, '[Resource::<executions>]'));
    expect(Object.keys(byRule).sort()).toEqual([
      'AwsSolutions::AwsSolutions-APIG3',
      'AwsSolutions::AwsSolutions-APIG4',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      'AwsSolutions::AwsSolutions-IAM5[Resource::<executions>]',
      'AwsSolutions::AwsSolutions-SF1',
      'AwsSolutions::AwsSolutions-SQS3',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-APIG4']?.map((a) => a.path.split('/').at(-2)).sort()).toEqual([
      'CreateCartRoute',
      'GetCartRoute',
      'RemoveCartLineRoute',
      'SetCartLineRoute',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-IAM5[Resource::*]']?.every((a) => a.path.endsWith('Role/Resource'))).toBe(
      true,
    );
    expect(byRule['AwsSolutions::AwsSolutions-IAM5[Resource::<executions>]']?.map((a) => a.path)).toEqual([
      'Test/Stateless/Orders/CheckoutIntake/Execution/Role/DefaultPolicy/Resource',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-SF1']?.map((a) => a.path)).toEqual([
      'Test/Stateless/Orders/Checkout/StateMachine/Resource',
    ]);
    expect(byRule['AwsSolutions::AwsSolutions-SQS3']?.every((a) => /DeadLetterQueue/.test(a.path))).toBe(true);
    for (const { reason } of found) expect(reason.length).toBeGreaterThan(60);
  });
});
