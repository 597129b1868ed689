import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthIntrinsicsApp } from '../../test-stacks/intrinsics-app';
import { loadAssembly, type CfnTemplate } from './cloud-assembly';
import { DynamicReferenceError } from './errors';
import { resolveAssembly, type ResolvedCloud, type ResolvedStack } from './resolve-assembly';
import { describeSupport } from './support';

const target = { accountId: '123456789012', region: 'eu-west-2', endpointUrl: 'http://127.0.0.1:4566' };
let cdkOut: string;
let cloud: ResolvedCloud;
const stack = (name: string): ResolvedStack => cloud.stacks.find((s) => s.stackName === name)!;
const output = (name: string) => stack('Dev-Producer').outputs[name];

beforeAll(() => {
  cdkOut = synthIntrinsicsApp(mkdtempSync(join(tmpdir(), 'local-cloud-intrinsics-')));
  cloud = resolveAssembly(loadAssembly(cdkOut), target);
});
afterAll(() => rmSync(cdkOut, { recursive: true, force: true }));

describe('resolveAssembly', () => {
  it('loads the stacks of the only stage, producer before consumer', () => {
    expect(cloud.stacks.map((s) => s.stackName)).toEqual(['Dev-Producer', 'Dev-Consumer']);
  });

  it('resolves pseudo parameters and Fn::Join', () => {
    expect(output('Joined')).toBe('123456789012:eu-west-2:aws:amazonaws.com');
  });

  it('resolves Fn::Sub with resource attributes, escapes and a variable map', () => {
    const queue = stack('Dev-Producer').resources.find((r) => r.logicalId.startsWith('WorkQueue'))!;

    expect(output('SubString')).toBe(`Dev-Producer/${queue.physicalName}/\${Literal}`);
    expect(output('SubWithVariables')).toBe('hello from dev');
  });

  it('resolves Fn::Select over Fn::Split and over a list parameter', () => {
    expect(output('SelectSplit')).toBe('b');
    expect(output('SelectParameterList')).toBe('z');
  });

  it('evaluates conditions with Fn::Equals, Fn::And, Fn::Or and Fn::Not', () => {
    expect(output('IfValue')).toBe('small');
    expect(output('AndOrNot')).toBe('yes');
  });

  it('resolves Fn::GetAZs and Fn::Base64', () => {
    expect(output('FirstAz')).toBe('eu-west-2a');
    expect(output('Encoded')).toBe(Buffer.from('local').toString('base64'));
  });

  it('leaves out resources and outputs whose condition is false', () => {
    expect(stack('Dev-Producer').skipped).toEqual([expect.stringMatching(/^ProdOnlyQueue/)]);
    expect(output('ProdOnly')).toBeUndefined();
  });

  it('names a queue as CloudFormation would and points its URL at the gateway', () => {
    const url = String(output('QueueUrl'));

    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:4566\/123456789012\/Dev-Producer-WorkQueue[A-F0-9]{8}-[A-Za-z0-9]{12}$/,
    );
  });

  it('resolves a table name given as a token, and its stream ARN', () => {
    expect(output('TableName')).toBe('Dev-Producer-orders');
    expect(output('StreamArn')).toMatch(
      /^arn:aws:dynamodb:eu-west-2:123456789012:table\/Dev-Producer-orders\/stream\//,
    );
  });

  it('resolves Fn::ImportValue from the exports of an earlier stack', () => {
    const queue = stack('Dev-Producer').resources.find((r) => r.logicalId.startsWith('WorkQueue'))!;

    expect(stack('Dev-Consumer').outputs.ImportedQueueArn).toBe(
      `arn:aws:sqs:eu-west-2:123456789012:${queue.physicalName}`,
    );
    expect(stack('Dev-Consumer').outputs.ReferencedTableName).toBe('Dev-Producer-orders');
  });

  it('gives the same names to the same template every time', () => {
    const again = resolveAssembly(loadAssembly(cdkOut), target);

    expect(again.resources.map((r) => r.ref)).toEqual(cloud.resources.map((r) => r.ref));
  });

  it('lists a type no service emulates as unsupported, and IAM-like types as accepted', () => {
    const lines = describeSupport(cloud.resources, new Map([['AWS::SQS::Queue', 'sqs']]));

    expect(lines).toContainEqual(expect.stringMatching(/^emulated\s+AWS::SQS::Queue x1: by sqs$/));
    expect(lines).toContainEqual(expect.stringMatching(/^accepted\s+AWS::IAM::Role x1: IAM is not enforced/));
    expect(lines).toContainEqual(expect.stringMatching(/^unsupported AWS::EC2::VPC x1: no local service emulates/));
  });
});

describe('resolveAssembly with dynamic references', () => {
  const resolveOne = (resources: CfnTemplate['Resources']) => {
    const stack = { artifactId: 'Orders', stackName: 'Orders', displayName: 'Orders', template: { Resources: resources }, dependencies: [], parameters: {}, assets: new Map(), assemblyDir: '/tmp' };
    return resolveAssembly({ directory: '/tmp', stacks: [stack], stages: [] }, target);
  };

  it('keeps them in the resolved properties, to be read as the service starts', () => {
    const cloud = resolveOne({ Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { URL: '{{resolve:ssm:/shop/url}}' } } } } });

    expect(cloud.resources[0]?.properties).toEqual({ Environment: { Variables: { URL: '{{resolve:ssm:/shop/url}}' } } });
  });

  it('reads a parameter of an SSM parameter type as a reference to the parameter it names', () => {
    const stack = {
      artifactId: 'Orders', stackName: 'Orders', displayName: 'Orders', dependencies: [], parameters: {}, assets: new Map(), assemblyDir: '/tmp',
      template: {
        Parameters: { SandboxUrl: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/payments/sandbox-url' } },
        Resources: { Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { URL: { Ref: 'SandboxUrl' } } } } } },
      },
    };

    const cloud = resolveAssembly({ directory: '/tmp', stacks: [stack], stages: [] }, target);

    expect(cloud.resources[0]?.properties).toEqual({ Environment: { Variables: { URL: '{{resolve:ssm:/payments/sandbox-url}}' } } });
  });

  it('refuses one in a name, which the local cloud needs before any service holds a value', () => {
    const resolving = () => resolveOne({ Orders: { Type: 'AWS::SQS::Queue', Properties: { QueueName: '{{resolve:ssm:/shop/queue-name}}' } } });

    expect(resolving).toThrow(DynamicReferenceError);
    expect(resolving).toThrow('Orders/Orders (AWS::SQS::Queue) property QueueName: {{resolve:ssm:/shop/queue-name}} cannot be resolved: a name is needed');
  });
});
