import { describe, expect, it } from 'vitest';
import { type CfnTemplate, DeployedTemplates, UnresolvableIntrinsicError } from './resolve-intrinsics';

const ENV = { account: '111111111111', region: 'eu-west-1', partition: 'aws' };

const stateful: CfnTemplate = {
  Resources: { EventBus: { Type: 'AWS::Events::EventBus', Properties: { Name: 'ShopBus' } } },
  Outputs: { BusArnOutput: { Value: { 'Fn::GetAtt': ['EventBus', 'Arn'] } } },
};
const stateless: CfnTemplate = {
  Resources: { OrdersRole: { Type: 'AWS::IAM::Role' }, Queue: { Type: 'AWS::SQS::Queue' } },
};
const deployed = new DeployedTemplates({ Stateful: stateful, Stateless: stateless }, ENV);

describe('DeployedTemplates', () => {
  it('resolves a bus ARN read from another stack’s output', () => {
    const crossStack = { 'Fn::GetStackOutput': { StackName: 'Stateful', OutputName: 'BusArnOutput' } };

    expect(deployed.resolve('Stateless', crossStack)).toBe('arn:aws:events:eu-west-1:111111111111:event-bus/ShopBus');
  });

  it('resolves pseudo parameters and joins inside nested values', () => {
    const value = {
      Resource: [
        { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] },
      ],
    };

    expect(deployed.resolve('Stateless', value)).toEqual({ Resource: ['arn:aws:iam::111111111111:root'] });
  });

  it('stands in the logical id for a role’s generated name', () => {
    expect(deployed.resolve('Stateless', { 'Fn::GetAtt': ['OrdersRole', 'Arn'] })).toBe(
      'arn:aws:iam::111111111111:role/OrdersRole',
    );
  });

  it('refuses what it cannot resolve rather than guess', () => {
    expect(() => deployed.resolve('Stateless', { Ref: 'Queue' })).toThrow(UnresolvableIntrinsicError);
    expect(() => deployed.resolve('Stateless', { 'Fn::Sub': 'x' })).toThrow(UnresolvableIntrinsicError);
    expect(() =>
      deployed.resolve('Stateless', { 'Fn::GetStackOutput': { StackName: 'Stateful', OutputName: 'Missing' } }),
    ).toThrow(UnresolvableIntrinsicError);
  });
});
