import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { describe, expect, it } from 'vitest';
import { TableStreamRequiredError } from './errors';
import { OutboxStream } from './outbox-stream';
import { inlineFunction, liveAliasOf } from './testing/inline-function';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf, statementsAllowing } from './testing/template-queries';

function synth() {
  const stack = new Stack(new App(), 'TestStack');
  const table = new dynamodb.TableV2(stack, 'ProductsTable', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    dynamoStream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
  });
  const publisher = inlineFunction(stack, 'PublishOutboxFunction');
  const publisherAlias = liveAliasOf(publisher);
  const outbox = new OutboxStream(stack, 'OutboxStream', { table, publisher, publisherAlias });
  const template = Template.fromStack(stack);
  return {
    stack,
    table,
    publisher,
    publisherAlias,
    outbox,
    template,
    mapping: template.toJSON().Resources[logicalIdOf(outbox.mapping)],
  };
}

describe('OutboxStream', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('has the stream invoke the publisher’s live alias, not the unqualified function', () => {
    const { mapping, publisherAlias, stack } = synth();

    expect(mapping.Properties.FunctionName).toEqual(stack.resolve(publisherAlias.functionName));
  });

  it('invokes the publisher only for inserted items whose pk starts with OUTBOX#', () => {
    const { mapping } = synth();

    expect(mapping.Properties.FilterCriteria.Filters).toHaveLength(1);
    expect(JSON.parse(mapping.Properties.FilterCriteria.Filters[0].Pattern)).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { pk: { S: [{ prefix: 'OUTBOX#' }] } } },
    });
  });

  it('reads the table stream from its oldest record, one poller per shard', () => {
    const { mapping, table, stack } = synth();

    expect(mapping.Properties).toMatchObject({
      EventSourceArn: stack.resolve(table.tableStreamArn),
      StartingPosition: 'TRIM_HORIZON',
      ParallelizationFactor: 1,
      BatchSize: 10,
    });
  });

  it('reports failed records, bisects failing batches and gives up after 10 retries or 6 hours', () => {
    const { mapping } = synth();

    expect(mapping.Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 6 * 60 * 60,
    });
  });

  it('records abandoned batches in an alarmed dead-letter queue', () => {
    const { mapping, outbox, template } = synth();

    const failuresArn = { 'Fn::GetAtt': [logicalIdOf(outbox.failures.queue), 'Arn'] };
    expect(mapping.Properties.DestinationConfig).toEqual({ OnFailure: { Destination: failuresArn } });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(outbox.failures.queue), 'QueueName'] } }],
      Threshold: 0,
    });
  });

  it('lets the publisher read this table’s stream and send to its DLQ, and nothing else', () => {
    const { template, publisher, table, stack } = synth();

    expect(actionsOf(template, publisher)).toEqual([
      'dynamodb:DescribeStream',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:ListStreams',
      'sqs:GetQueueAttributes',
      'sqs:GetQueueUrl',
      'sqs:SendMessage',
    ]);
    expect(statementsAllowing(template, publisher, 'dynamodb:ListStreams').map((s) => s.Resource)).toEqual([
      stack.resolve(table.tableStreamArn),
    ]);
  });

  it('refuses a table without a stream', () => {
    const stack = new Stack(new App(), 'TestStack');
    const table = dynamodb.TableV2.fromTableName(stack, 'Imported', 'products');

    const publisher = inlineFunction(stack, 'Fn');
    const act = () =>
      new OutboxStream(stack, 'OutboxStream', { table, publisher, publisherAlias: liveAliasOf(publisher) });

    expect(act).toThrow(TableStreamRequiredError);
  });
});
