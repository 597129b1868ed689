import { describe, expect, it } from 'vitest';
import type { ResolvedResource } from '../core/contracts';
import { describeSupport } from './support';

const mapping = (source: string): ResolvedResource => ({
  stackName: 'Stack',
  logicalId: `Mapping${source}`,
  type: 'AWS::Lambda::EventSourceMapping',
  ref: 'id',
  physicalName: 'id',
  attributes: {},
  properties: { EventSourceArn: `arn:aws:${source}:us-east-1:000000000000:thing` },
});

describe('describeSupport', () => {
  it('reports a type several services share once per service, and what none of them emulates', () => {
    const resources = [mapping('sqs'), mapping('sqs'), mapping('dynamodb'), mapping('kinesis')];
    const owners: Record<string, string> = { sqs: 'sqs', dynamodb: 'dynamodb' };
    const ownerOf = (r: ResolvedResource) => owners[String(r.properties.EventSourceArn).split(':')[2] ?? ''];

    const lines = describeSupport(resources, ownerOf);

    expect(lines).toEqual([
      'emulated    AWS::Lambda::EventSourceMapping x2: by sqs',
      'emulated    AWS::Lambda::EventSourceMapping x1: by dynamodb',
      'unsupported AWS::Lambda::EventSourceMapping x1: no local service emulates this type: calls to it will fail',
    ]);
  });
});
