import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { OrdersData } from './orders-data';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

function synth(retain: boolean) {
  const stack = new Stack(new App(), 'Stateful');
  const data = new OrdersData(stack, 'OrdersData', { retain });
  const template = Template.fromStack(stack);
  return {
    stack,
    data,
    template,
    table: (construct: IConstruct) => template.toJSON().Resources[logicalIdOf(construct)].Properties,
  };
}

describe('OrdersData', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('keys the orders table by pk and sk, on demand, expiring guest carts by expiresAt', () => {
    const { data, table } = synth(false);

    expect(table(data.table)).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
  });

  it('indexes orders by customer (gsi1pk, gsi1sk), projecting every attribute for the order list', () => {
    const { data, table } = synth(false);

    expect(table(data.table).GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'byCustomer',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('turns on point-in-time recovery for the orders table', () => {
    const { data, table } = synth(false);

    expect(table(data.table).Replicas[0].PointInTimeRecoverySpecification).toEqual({
      PointInTimeRecoveryEnabled: true,
    });
  });

  it('keys the idempotency table by id and expires records by expiration, as Powertools expects', () => {
    const { data, table } = synth(false);

    expect(table(data.idempotencyTable)).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('names neither table', () => {
    const { template } = synth(true);

    for (const table of Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))) {
      expect(table.Properties.TableName).toBeUndefined();
    }
  });

  it('retains and protects both tables when retain is set', () => {
    const { template } = synth(true);

    expect(
      Object.keys(template.findResources('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' })),
    ).toHaveLength(2);
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
  });

  it('destroys both tables with the stack when retain is not set', () => {
    const { template } = synth(false);

    template.allResources('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
  });

  it.each([true, false])('passes the AWS Solutions checks with nothing acknowledged (retain: %s)', (retain) => {
    const app = new App();
    const data = new OrdersData(new Stack(app, 'Stateful'), 'OrdersData', { retain });

    const findings = awsSolutionsFindings(app);

    expect(findings).toEqual([]);
    expect(acknowledgments(data)).toEqual([]);
  });
});
