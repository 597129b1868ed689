import { acknowledgments, awsSolutionsFindings } from '@shop/cdk-constructs/testing';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { InvoicesData } from './invoices-data';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';

function synth(retain: boolean) {
  const stack = new Stack(new App(), 'Stateful');
  const data = new InvoicesData(stack, 'InvoicesData', { retain });
  const template = Template.fromStack(stack);
  const properties = (construct: { node: { defaultChild?: unknown } }) =>
    template.toJSON().Resources[stack.getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0])]
      .Properties;
  return { stack, data, template, properties };
}

describe('InvoicesData', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('keys the invoices table by pk and sk, with point-in-time recovery and KMS encryption', () => {
    const { data, properties } = synth(false);

    const table = properties(data.table);
    expect(table).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
    expect(table.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  });

  it('keys the idempotency table by id and expires records by expiration, as Powertools expects', () => {
    const { data, properties } = synth(false);

    expect(properties(data.idempotencyTable)).toMatchObject({
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiration', Enabled: true },
    });
  });

  it('keeps the PDF bucket private, TLS-only, encrypted and versioned', () => {
    const { data, template, properties } = synth(false);

    expect(properties(data.bucket)).toMatchObject({
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

  it('retains and protects the tables and the bucket when retain is set', () => {
    const { template } = synth(true);

    expect(
      Object.keys(template.findResources('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Retain' })),
    ).toHaveLength(2);
    expect(Object.keys(template.findResources('AWS::S3::Bucket', { DeletionPolicy: 'Retain' }))).toHaveLength(1);
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
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 1);
  });
});

describe('InvoicesData under cdk-nag', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it.each([true, false])('passes the AWS Solutions checks (retain: %s)', (retain) => {
    const app = new App();
    new InvoicesData(new Stack(app, 'Stateful'), 'InvoicesData', { retain });

    expect(awsSolutionsFindings(app)).toEqual([]);
  });

  it('acknowledges only the PDF bucket’s missing access logs, with a reason', () => {
    const { stack } = synth(true);

    expect(acknowledgments(stack).map(({ path, id }) => ({ path, id }))).toEqual([
      { path: 'Stateful/InvoicesData/PdfBucket/Resource', id: 'AwsSolutions::AwsSolutions-S1' },
    ]);
  });
});
