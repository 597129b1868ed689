import { describe, expect, it } from 'vitest';
import type { CfnResource } from './cloud-assembly';
import { dependenciesOf } from './dependencies';

const resources: Record<string, CfnResource> = Object.fromEntries(
  ['Table', 'Fn', 'Queue', 'Bus', 'Topic', 'Role'].map((id) => [id, { Type: 'AWS::Test::Thing' }]),
);

describe('dependenciesOf', () => {
  it('lists DependsOn and the resources the properties reference, once each', () => {
    const seed: CfnResource = {
      Type: 'Custom::Seed',
      DependsOn: ['Table', 'Queue'],
      Properties: {
        ServiceToken: { 'Fn::GetAtt': ['Fn', 'Arn'] },
        Table: { Ref: 'Table' },
        Queue: { 'Fn::GetAtt': 'Queue.Arn' },
      },
    };

    expect(dependenciesOf(seed, resources)).toEqual(['Table', 'Queue', 'Fn']);
  });

  it("reads Fn::Sub's names, less its own variables, escapes and pseudo parameters", () => {
    const seed: CfnResource = {
      Type: 'Custom::Seed',
      Properties: {
        Say: { 'Fn::Sub': ['${Bus} ${Topic.TopicName} ${Own} ${!Role} ${AWS::Region}', { Own: { Ref: 'Role' } }] },
      },
    };

    expect(dependenciesOf(seed, resources)).toEqual(['Bus', 'Topic', 'Role']);
  });

  it('leaves out parameters and resources of no template', () => {
    const seed: CfnResource = { Type: 'Custom::Seed', DependsOn: 'Elsewhere', Properties: { Env: { Ref: 'Stage' } } };

    expect(dependenciesOf(seed, resources)).toEqual([]);
  });
});
