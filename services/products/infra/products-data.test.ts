import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ProductsData } from './products-data';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

function synth(retain: boolean) {
  const stack = new Stack(new App(), 'Stateful');
  const data = new ProductsData(stack, 'ProductsData', { retain });
  const logicalId = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);
  return { stack, data, template: Template.fromStack(stack), logicalId };
}

describe('ProductsData', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('keys the products table by pk and sk, streams new and old images and expires items by expiresAt', () => {
    const { template, data, logicalId } = synth(false);

    const table = template.toJSON().Resources[logicalId(data.table)];
    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('indexes products by category and by SKU, projecting all attributes', () => {
    const { template, data, logicalId } = synth(false);

    const indexes = template.toJSON().Resources[logicalId(data.table)].Properties.GlobalSecondaryIndexes;
    expect(indexes).toEqual([
      {
        IndexName: 'byCategory',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
      {
        IndexName: 'bySku',
        KeySchema: [
          { AttributeName: 'gsi2pk', KeyType: 'HASH' },
          { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
  });

  it('turns on point-in-time recovery and KMS encryption for the products table', () => {
    const { template, data, logicalId } = synth(false);

    const table = template.toJSON().Resources[logicalId(data.table)].Properties;
    expect(table.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
  });

  it('keys the idempotency table by id and expires records by expiration, as Powertools expects', () => {
    const { template, data, logicalId } = synth(false);

    expect(template.toJSON().Resources[logicalId(data.idempotencyTable)].Properties).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('keeps the images bucket private, TLS-only, encrypted and versioned', () => {
    const { template, data, logicalId } = synth(false);

    expect(template.toJSON().Resources[logicalId(data.imagesBucket)].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('names none of its tables and buckets', () => {
    const { template } = synth(true);

    for (const table of Object.values(template.findResources('AWS::DynamoDB::GlobalTable'))) {
      expect(table.Properties.TableName).toBeUndefined();
    }
    for (const bucket of Object.values(template.findResources('AWS::S3::Bucket'))) {
      expect(bucket.Properties.BucketName).toBeUndefined();
    }
  });

  it('retains and protects the tables and bucket when retain is set', () => {
    const { template } = synth(true);

    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket']) {
      expect(
        Object.keys(template.findResources(type, { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' })),
      ).toHaveLength(type === 'AWS::S3::Bucket' ? 1 : 2);
    }
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: true })],
    });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });

  it('destroys the tables and empties then deletes the bucket when retain is not set', () => {
    const { template } = synth(false);

    for (const type of ['AWS::DynamoDB::GlobalTable', 'AWS::S3::Bucket']) {
      template.allResources(type, { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    }
    template.allResourcesProperties('AWS::DynamoDB::GlobalTable', {
      Replicas: [Match.objectLike({ DeletionProtectionEnabled: false })],
    });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });

  it('exposes the products table’s stream ARN for the outbox publisher', () => {
    const { stack, data, logicalId } = synth(false);

    expect(stack.resolve(data.table.tableStreamArn)).toEqual({
      'Fn::GetAtt': [logicalId(data.table), 'StreamArn'],
    });
  });
});

describe('ProductsData under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it.each([true, false])('passes the AWS Solutions checks (retain: %s)', (retain) => {
    const app = new App();
    new ProductsData(new Stack(app, 'Stateful'), 'ProductsData', { retain });

    const findings = awsSolutionsFindings(app);

    expect(findings).toEqual([]);
  });

  it('acknowledges only the images bucket’s missing access logs, with a reason', () => {
    const { stack } = synth(true);

    expect(acknowledgments(stack).map(({ path, id }) => ({ path, id }))).toEqual([
      { path: 'Stateful/ProductsData/ImagesBucket/Resource', id: 'AwsSolutions::AwsSolutions-S1' },
    ]);
  });
});
