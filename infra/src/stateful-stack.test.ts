import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStageConfig } from './config';
import { ShopStage } from './shop-stage';
import { testApp } from './testing/test-app';

function synthStateful(context: Record<string, string>) {
  const app = testApp(context);
  const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: {} });
  const stage = new ShopStage(app, 'Shop', { config });
  return { stack: stage.stateful, template: Template.fromStack(stage.stateful) };
}

const PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1' };

describe('StatefulStack in dev', () => {
  let synth: ReturnType<typeof synthStateful>;

  beforeAll(() => {
    synth = synthStateful({ stage: 'dev' });
  });

  it('has one event bus, named by CloudFormation rather than by us', () => {
    const buses = Object.values(synth.template.findResources('AWS::Events::EventBus'));

    expect(buses).toHaveLength(1);
    // CloudFormation requires a name, so CDK derives a unique one from the construct path.
    expect(buses[0]?.Properties.Name).toMatch(/^ShopStatefulEventBus[0-9A-F]{8}$/);
  });

  it('archives every shop.* event for a week', () => {
    const busId = Object.keys(synth.template.findResources('AWS::Events::EventBus'))[0];

    synth.template.hasResourceProperties('AWS::Events::Archive', {
      SourceArn: { 'Fn::GetAtt': [busId, 'Arn'] },
      EventPattern: { source: [{ prefix: 'shop.' }] },
      RetentionDays: 7,
    });
  });

  it('puts the source-ownership policy on the bus', () => {
    const policies = Object.values(synth.template.findResources('AWS::Events::EventBusPolicy'));

    expect(policies.map((p) => p.Properties.Statement.Effect)).toEqual(['Deny', 'Deny']);
  });

  it('lets the bus and archive be deleted with the stack, and does not protect it', () => {
    for (const type of ['AWS::Events::EventBus', 'AWS::Events::Archive']) {
      synth.template.hasResource(type, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    }
    expect(synth.stack.terminationProtection).toBe(false);
  });
});

describe('StatefulStack in prod', () => {
  let synth: ReturnType<typeof synthStateful>;

  beforeAll(() => {
    synth = synthStateful(PROD);
  });

  it('retains the bus and its archive when the stack or resource goes away', () => {
    for (const type of ['AWS::Events::EventBus', 'AWS::Events::Archive']) {
      synth.template.hasResource(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  it('is protected from deletion', () => {
    expect(synth.stack.terminationProtection).toBe(true);
  });

  it('keeps a year of archived events', () => {
    synth.template.hasResourceProperties('AWS::Events::Archive', { RetentionDays: 365 });
  });
});
