import { describe, expect, it } from 'vitest';
import { InvalidTableResourceError } from '../errors';
import { tableDefinitionFrom } from './table-resource';

const KEYS = {
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
};

describe('table resource properties', () => {
  it('takes a provisioned GlobalTable’s write capacity from the table and read capacity from this region’s replica', () => {
    const definition = tableDefinitionFrom(
      'AWS::DynamoDB::GlobalTable',
      'orders',
      {
        ...KEYS,
        BillingMode: 'PROVISIONED',
        WriteProvisionedThroughputSettings: { WriteCapacityAutoScalingSettings: { MinCapacity: 4, MaxCapacity: 10 } },
        Replicas: [
          { Region: 'eu-west-1', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 9 } },
          { Region: 'us-east-1', ReadProvisionedThroughputSettings: { ReadCapacityUnits: 7 } },
        ],
      },
      'us-east-1',
    );

    expect(definition.createTable.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 7, WriteCapacityUnits: 4 });
  });

  it('defaults an AWS::DynamoDB::Table without BillingMode to PROVISIONED, as CloudFormation does', () => {
    const definition = tableDefinitionFrom(
      'AWS::DynamoDB::Table',
      'orders',
      { ...KEYS, ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 } },
      'us-east-1',
    );

    expect(definition.createTable).toMatchObject({ BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 2 } });
  });

  it('refuses a table it cannot create faithfully', () => {
    expect(() => tableDefinitionFrom('AWS::DynamoDB::Table', 'orders', { BillingMode: 'PAY_PER_REQUEST' }, 'us-east-1')).toThrow(
      InvalidTableResourceError,
    );
    expect(() =>
      tableDefinitionFrom('AWS::DynamoDB::Table', 'orders', { ...KEYS, ImportSourceSpecification: { S3BucketSource: {} } }, 'us-east-1'),
    ).toThrow(InvalidTableResourceError);
  });
});
