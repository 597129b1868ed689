import { describe, expect, it } from 'vitest';
import type { ResolvedResource, ServicePlugin } from './contracts';
import { ServiceStartError } from './errors';
import { assignOwners } from './ownership';

const ESM = 'AWS::Lambda::EventSourceMapping';

function aResource(type: string, properties: ResolvedResource['properties'] = {}): ResolvedResource {
  return { stackName: 'Stack', logicalId: `${type.split('::')[2]}${Object.keys(properties).length}`, type, ref: 'ref', physicalName: 'name', attributes: {}, properties };
}

function aPlugin(name: string, resourceTypes: string[], owns?: ServicePlugin['owns']): ServicePlugin {
  return { name, resourceTypes, ...(owns && { owns }), start: () => Promise.reject(new Error('not started in these tests')) };
}

const fromSource = (prefix: string) => (r: ResolvedResource) => r.type !== ESM || String(r.properties.EventSourceArn).startsWith(prefix);

describe('assignOwners', () => {
  it('gives each resource to the plug-in that declares its type', () => {
    const queue = aResource('AWS::SQS::Queue');

    const ownerOf = assignOwners([aPlugin('sqs', ['AWS::SQS::Queue'])], [queue]);

    expect(ownerOf(queue)).toBe('sqs');
  });

  it('routes a shared type by what each plug-in owns', () => {
    const onQueue = aResource(ESM, { EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:jobs' });
    const onStream = aResource(ESM, { EventSourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x' });
    const plugins = [aPlugin('sqs', [ESM], fromSource('arn:aws:sqs:')), aPlugin('dynamodb', [ESM], fromSource('arn:aws:dynamodb:'))];

    const ownerOf = assignOwners(plugins, [onQueue, onStream]);

    expect([ownerOf(onQueue), ownerOf(onStream)]).toEqual(['sqs', 'dynamodb']);
  });

  it('leaves a resource of a shared type that no plug-in owns without an owner', () => {
    const onKinesis = aResource(ESM, { EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s' });

    const ownerOf = assignOwners([aPlugin('sqs', [ESM], fromSource('arn:aws:sqs:'))], [onKinesis]);

    expect(ownerOf(onKinesis)).toBeUndefined();
  });

  it('refuses two plug-ins sharing a type when one does not say which resources it owns', () => {
    const plugins = [aPlugin('sqs', [ESM], fromSource('arn:aws:sqs:')), aPlugin('greedy', [ESM])];

    expect(() => assignOwners(plugins, [])).toThrow(ServiceStartError);
  });

  it('refuses a resource that two plug-ins own', () => {
    const onQueue = aResource(ESM, { EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:jobs' });
    const plugins = [aPlugin('sqs', [ESM], () => true), aPlugin('other', [ESM], () => true)];

    expect(() => assignOwners(plugins, [onQueue])).toThrow(/owned by both sqs and other/);
  });

  it('gives a plug-in declaring a prefix the resources of that prefix no exact claim takes', () => {
    const seed = aResource('Custom::Seed');
    const notifications = aResource('Custom::S3BucketNotifications');
    const plugins = [aPlugin('cloudformation', ['Custom::']), aPlugin('s3', ['Custom::S3BucketNotifications'])];

    const ownerOf = assignOwners(plugins, [seed, notifications]);

    expect([ownerOf(seed), ownerOf(notifications)]).toEqual(['cloudformation', 's3']);
  });

  it('asks owns with every resource, so a plug-in can look at the others', () => {
    const fn = aResource('AWS::Lambda::Function');
    const seed = aResource('Custom::Seed', { ServiceToken: 'fn' });
    const servedByATemplateFunction = (r: ResolvedResource, all: readonly ResolvedResource[] = []) => all.some((other) => other.type === 'AWS::Lambda::Function' && r !== other);

    const ownerOf = assignOwners([aPlugin('cloudformation', ['Custom::'], servedByATemplateFunction)], [fn, seed]);

    expect(ownerOf(seed)).toBe('cloudformation');
  });
});
