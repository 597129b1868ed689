import { describe, expect, it } from 'vitest';
import { buildCreateRequest, stringifyScalars } from './request';
import { aCustomResource, functionArn } from './test-support';

describe('buildCreateRequest', () => {
  it('carries the fields CloudFormation sends a Lambda-backed custom resource on Create', () => {
    const seed = aCustomResource('Seed', { Table: 'orders' });
    const input = { properties: seed.properties, responseUrl: 'http://127.0.0.1:4566/_local/cloudformation-responses/t0k3n', requestId: 'r-1', stackId: 'arn:aws:cloudformation:us-east-1:000000000000:stack/Stack/id' };

    const request = buildCreateRequest(seed, input);

    expect(request).toEqual({
      RequestType: 'Create',
      ServiceToken: functionArn('Seeder'),
      ResponseURL: 'http://127.0.0.1:4566/_local/cloudformation-responses/t0k3n',
      StackId: 'arn:aws:cloudformation:us-east-1:000000000000:stack/Stack/id',
      RequestId: 'r-1',
      LogicalResourceId: 'Seed',
      ResourceType: 'Custom::Seed',
      ResourceProperties: { ServiceToken: functionArn('Seeder'), Table: 'orders' },
    });
  });
});

describe('stringifyScalars', () => {
  it('turns numbers and booleans into strings at any depth, as CloudFormation passes properties', () => {
    const properties = { Count: 3, Enabled: true, Nested: { Ratio: 0.5, Flags: [false, 'on'] }, Missing: null };

    const passed = stringifyScalars(properties);

    expect(passed).toEqual({ Count: '3', Enabled: 'true', Nested: { Ratio: '0.5', Flags: ['false', 'on'] }, Missing: null });
  });
});
