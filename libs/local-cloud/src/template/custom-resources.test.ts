import { describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../core/contracts';
import type { CfnTemplate, CloudAssembly } from './cloud-assembly';
import { serviceTokenOf } from './custom-resources';
import { lateValueToken } from './late-values';
import { resolveAssembly } from './resolve-assembly';
import { describeSupport } from './support';

const target = { accountId: '000000000000', region: 'us-east-1', endpointUrl: 'http://127.0.0.1:4566' };

function resolveTemplate(template: CfnTemplate) {
  const stack = {
    artifactId: 'Orders',
    stackName: 'Orders',
    displayName: 'Orders',
    template,
    dependencies: [],
    parameters: {},
    assets: new Map(),
    assemblyDir: '/tmp',
  };
  const assembly: CloudAssembly = { directory: '/tmp', stacks: [stack], stages: [] };
  const cloud = resolveAssembly(assembly, target);
  const resource = (id: string): ResolvedResource => {
    const found = cloud.resources.find((r) => r.logicalId === id);
    if (!found) throw new Error(`${id} is not in the template`);
    return found;
  };
  return { cloud, resource };
}

const seeds: CfnTemplate = {
  Resources: {
    Seeder: { Type: 'AWS::Lambda::Function', Properties: {} },
    Seed: { Type: 'Custom::Seed', Properties: { ServiceToken: { 'Fn::GetAtt': ['Seeder', 'Arn'] } } },
    Reader: {
      Type: 'Custom::Seed',
      DependsOn: 'Queue',
      Properties: {
        ServiceToken: { 'Fn::GetAtt': ['Seeder', 'Arn'] },
        Greeting: { 'Fn::GetAtt': ['Seed', 'Greeting'] },
        Id: { 'Fn::Sub': 'id-${Seed}' },
      },
    },
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
    Notify: {
      Type: 'AWS::CloudFormation::CustomResource',
      Properties: { ServiceToken: 'arn:aws:sns:us-east-1:000000000000:requests' },
    },
  },
  Outputs: { SeedId: { Value: { Ref: 'Seed' } } },
};

describe('custom resources in the resolver', () => {
  it("resolves a custom resource's Ref and Fn::GetAtt to placeholders, settled once it has answered", () => {
    const { cloud, resource } = resolveTemplate(seeds);

    expect(resource('Reader').properties).toMatchObject({
      Greeting: lateValueToken('Orders', 'Seed', 'Greeting'),
      Id: `id-${lateValueToken('Orders', 'Seed')}`,
    });
    expect(cloud.stacks[0]?.outputs.SeedId).toBe(lateValueToken('Orders', 'Seed'));
    expect(cloud.stacks[0]?.warnings).toEqual([]);
  });

  it('records what each resource waits for: DependsOn and references', () => {
    const { resource } = resolveTemplate(seeds);

    expect(resource('Reader').dependsOn).toEqual(['Queue', 'Seeder', 'Seed']);
  });

  it('tells a function of the template from an SNS topic and from a function elsewhere', () => {
    const { cloud, resource } = resolveTemplate(seeds);
    const elsewhere: ResolvedResource = {
      ...resource('Seed'),
      properties: { ServiceToken: 'arn:aws:lambda:us-east-1:111111111111:function:other' },
    };

    const tokens = [resource('Seed'), resource('Notify'), elsewhere].map(
      (r) => serviceTokenOf(r, cloud.resources).kind,
    );

    expect(tokens).toEqual(['lambda', 'sns', 'other']);
  });

  it('reports a custom resource nothing runs as unsupported, with why', () => {
    const { cloud } = resolveTemplate(seeds);

    const lines = describeSupport(cloud.resources, (r) => (r.type === 'Custom::Seed' ? 'cloudformation' : undefined));

    expect(lines).toContain(
      'unsupported AWS::CloudFormation::CustomResource x1: an SNS-backed custom resource: only Lambda-backed ones are run locally (nothing answers for it)',
    );
  });
});
