import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage, stageId } from './shop-stage';
import { testApp } from './testing/test-app';

function aStage(context: Record<string, string>) {
  const app = testApp(context);
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  return { app, stage: new ShopStage(app, stageId(config.stageName), { config }) };
}

describe('ShopStage', () => {
  it.each<Record<string, string>>([{ stage: 'dev' }, { stage: 'prod', account: '123456789012', region: 'eu-west-1' }])(
    'passes the AWS Solutions checks in $stage',
    (context) => {
      const { app, stage } = aStage(context);

      const findings = awsSolutionsFindings(app, stage);

      expect(findings).toEqual([]);
    },
  );

  it('acknowledges only findings it says why for, each on the construct concerned', () => {
    const { stage } = aStage({ stage: 'dev' });

    const acks = acknowledgments(stage);

    expect(new Set(acks.map(({ id }) => id.replace('AwsSolutions::AwsSolutions-', '')))).toEqual(
      new Set([
        'S1',
        'COG2',
        'COG8',
        'IAM5[Resource::*]',
        'APIG4',
        'SQS3',
        'SMG4',
        'APIG3',
        'SF1',
        'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        'IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:<OrdersCheckoutStateMachine20743B17.Name>:*]',
      ]),
    );
    const publicRoutes = acks.filter(({ id }) => id.endsWith('APIG4')).map(({ path }) => path);
    // The shop's API: browsing the catalog and guest carts (whose unguessable id is the credential) are public.
    // The payment sandbox checks its API key itself.
    expect(publicRoutes.filter((path) => !path.startsWith('ShopDev/Payments/'))).toEqual([
      'ShopDev/Stateless/Products/ListProductsRoute/Resource',
      'ShopDev/Stateless/Products/GetProductRoute/Resource',
      'ShopDev/Stateless/Orders/CreateCartRoute/Resource',
      'ShopDev/Stateless/Orders/GetCartRoute/Resource',
      'ShopDev/Stateless/Orders/SetCartLineRoute/Resource',
      'ShopDev/Stateless/Orders/RemoveCartLineRoute/Resource',
    ]);
    expect(acks.filter(({ id }) => id.endsWith('SQS3')).every(({ path }) => /DeadLetter|Failures/.test(path))).toBe(
      true,
    );
    expect(acks.filter(({ reason }) => reason.length < 40)).toEqual([]);
  });

  it('deploys the stateless stack after the stateful one', () => {
    const { stage } = aStage({ stage: 'dev' });

    expect(stage.stateless.dependencies).toContain(stage.stateful);
  });

  it('passes the bus to the stateless stack by a weak reference, so no export locks the stateful stack', () => {
    const { stage } = aStage({ stage: 'dev' });
    new events.Rule(stage.stateless, 'ProbeRule', {
      eventBus: stage.stateless.bus,
      eventPattern: { source: ['shop.orders'] },
    });

    const rule = Object.values(Template.fromStack(stage.stateless).findResources('AWS::Events::Rule'))[0];

    expect(rule?.Properties.EventBusName).toEqual({
      'Fn::GetStackOutput': expect.objectContaining({ StackName: 'ShopDev-Stateful' }),
    });
  });

  it('tags every resource with its stage', () => {
    const { stage } = aStage({ stage: 'dev' });

    Template.fromStack(stage.stateful).hasResourceProperties('AWS::Events::EventBus', {
      Tags: [{ Key: 'shop:stage', Value: 'dev' }],
    });
  });
});
