import { describe, expect, it } from 'vitest';
import { CircularDependencyError } from './errors';
import { creationOrder } from './order';
import { aCustomResource, aFunction, aResource } from './test-support';

const ids = (resources: readonly { logicalId: string }[]) => resources.map((r) => r.logicalId);

describe('creationOrder', () => {
  it('creates a custom resource after one it names in DependsOn, whatever the template order', () => {
    const later = aCustomResource('Later', {}, ['Earlier']);
    const earlier = aCustomResource('Earlier');

    const order = creationOrder([later, earlier], [aFunction('Seeder'), later, earlier]);

    expect(ids(order)).toEqual(['Earlier', 'Later']);
  });

  it('creates a custom resource after one it reaches through other resources', () => {
    const reader = aCustomResource('Reader', {}, ['Queue']);
    const queue = aResource('Queue', 'AWS::SQS::Queue', {}, ['Table']);
    const table = aResource('Table', 'AWS::DynamoDB::Table', {}, ['Writer']);
    const writer = aCustomResource('Writer');

    const order = creationOrder([reader, writer], [aFunction('Seeder'), reader, queue, table, writer]);

    expect(ids(order)).toEqual(['Writer', 'Reader']);
  });

  it('keeps the template order of custom resources that do not depend on each other', () => {
    const resources = ['C', 'A', 'B'].map((id) => aCustomResource(id));

    const order = creationOrder(resources, [aFunction('Seeder'), ...resources]);

    expect(ids(order)).toEqual(['C', 'A', 'B']);
  });

  it('creates the custom resources of a stack after those of the stacks deployed before it', () => {
    const consumer = aCustomResource('Seed', {}, [], 'Consumer');
    const producer = aCustomResource('Seed', {}, [], 'Producer');
    const all = [aFunction('Seeder'), producer, consumer];

    const order = creationOrder([consumer, producer], all);

    expect(order.map((r) => r.stackName)).toEqual(['Producer', 'Consumer']);
  });

  it('refuses resources that wait for each other in a cycle', () => {
    const a = aCustomResource('A', {}, ['B']);
    const b = aCustomResource('B', {}, ['Link']);
    const link = aResource('Link', 'AWS::SQS::Queue', {}, ['A']);

    const order = () => creationOrder([a, b], [aFunction('Seeder'), a, b, link]);

    expect(order).toThrow(CircularDependencyError);
    expect(order).toThrow('Stack Stack: circular dependency between resources: A -> B -> Link -> A');
  });
});
