import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { paymentsStage } from './testing/payments-fixture';

describe('PaymentsStack', () => {
  it('passes the AWS Solutions checks', () => {
    const { app, stage } = paymentsStage();

    const findings = awsSolutionsFindings(app, stage);

    expect(findings).toEqual([]);
  });

  it('acknowledges only the routes without an API Gateway authorizer, the unrotated key and the paved path’s X-Ray policy, each saying why', () => {
    const { stage } = paymentsStage();

    const found = acknowledgments(stage);

    expect(found.map(({ path, id }) => `${id} ${path}`).sort()).toEqual([
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/AuthorizeRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/CaptureRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/GetAuthorizationRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/GetTokenRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/RefundRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/TokenizeRoute/Resource',
      'AwsSolutions::AwsSolutions-APIG4 Test/Payments/Payments/VoidRoute/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/AuthorizeFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/CaptureFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/GetAuthorizationFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/GetTokenFunctionLive/PreTrafficHookRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/GetTokenFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/RefundFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/TokenizeFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-IAM5[Resource::*] Test/Payments/Payments/VoidFunctionRole/Resource',
      'AwsSolutions::AwsSolutions-SMG4 Test/Payments/Payments/ApiKeySecret/Resource',
    ]);
    expect(found.every(({ reason }) => reason.length > 60)).toBe(true);
  });

  it('outputs the URL and the API key secret’s ARN, never the key', () => {
    const { stack } = paymentsStage();

    const outputs = Template.fromStack(stack).toJSON().Outputs as Record<string, { Value: unknown }>;

    expect(Object.keys(outputs).sort()).toEqual(['PaymentsApiKeySecretArn', 'PaymentsUrl']);
    expect(JSON.stringify(outputs)).not.toMatch(/SecretString|resolve:secretsmanager/);
  });

  it('keeps its tables and secret, protected, when asked to retain them', () => {
    const { stack } = paymentsStage({ retain: true });

    const template = Template.fromStack(stack);

    expect(stack.terminationProtection).toBe(true);
    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::SecretsManager::Secret']) {
      const kept = Object.values(template.findResources(type));
      expect(kept.map((r) => r.DeletionPolicy)).toEqual(kept.map(() => 'Retain'));
    }
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
  });

  it('leaves nothing behind in a stage that is not retained', () => {
    const { stack } = paymentsStage({ retain: false });

    const template = Template.fromStack(stack);

    expect(stack.terminationProtection).toBe(false);
    const stateful = [
      ...Object.values(template.findResources('AWS::DynamoDB::GlobalTable')),
      ...Object.values(template.findResources('AWS::SecretsManager::Secret')),
    ];
    expect(stateful.map((r) => r.DeletionPolicy)).toEqual(['Delete', 'Delete', 'Delete', 'Delete']);
  });
});
