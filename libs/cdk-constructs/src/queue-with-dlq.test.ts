import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { VisibilityTimeoutTooLongError } from './errors';
import { QueueWithDlq, type QueueWithDlqProps, visibilityTimeoutFor } from './queue-with-dlq';
import { acknowledgments, awsSolutionsFindings } from './testing';

function synth(props: QueueWithDlqProps) {
  const stack = new Stack(new App(), 'TestStack');
  const queues = new QueueWithDlq(stack, 'OrderConfirmedQueue', props);
  const template = Template.fromStack(stack);
  const id = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);
  return { template, queueId: id(queues.queue), dlqId: id(queues.deadLetterQueue) };
}

describe('QueueWithDlq', () => {
  it('sends a message to the DLQ after five receives by default', () => {
    const { template, queueId, dlqId } = synth({ consumerTimeout: Duration.seconds(10) });

    expect(template.toJSON().Resources[queueId].Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: 5,
    });
  });

  it('takes maxReceiveCount from props', () => {
    const { template } = synth({ consumerTimeout: Duration.seconds(10), maxReceiveCount: 3 });

    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 3 }) });
  });

  it('sets the visibility timeout to six times the consumer timeout', () => {
    const { template, queueId } = synth({ consumerTimeout: Duration.seconds(10) });

    expect(template.toJSON().Resources[queueId].Properties.VisibilityTimeout).toBe(60);
  });

  it('adds the batching window to the visibility timeout', () => {
    const { template, queueId } = synth({
      consumerTimeout: Duration.seconds(10),
      maxBatchingWindow: Duration.seconds(20),
    });

    expect(template.toJSON().Resources[queueId].Properties.VisibilityTimeout).toBe(80);
  });

  it('keeps dead letters for 14 days', () => {
    const { template, dlqId } = synth({ consumerTimeout: Duration.seconds(10) });

    expect(template.toJSON().Resources[dlqId].Properties.MessageRetentionPeriod).toBe(14 * 24 * 60 * 60);
  });

  it('encrypts both queues with SQS-managed keys and names neither', () => {
    const { template } = synth({ consumerTimeout: Duration.seconds(10) });

    const queues = Object.values(template.findResources('AWS::SQS::Queue'));
    expect(queues).toHaveLength(2);
    for (const queue of queues) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      expect(queue.Properties.QueueName).toBeUndefined();
    }
  });

  it('denies requests without TLS on both queues', () => {
    const { template, queueId, dlqId } = synth({ consumerTimeout: Duration.seconds(10) });

    for (const id of [queueId, dlqId]) {
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: [
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sqs:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ],
        },
      });
    }
  });

  it('alarms as soon as one message is visible in the DLQ', () => {
    const { template, dlqId } = synth({ consumerTimeout: Duration.seconds(10) });

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Statistic: 'Maximum',
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('QueueWithDlq under cdk-nag', () => {
  it('passes the AWS Solutions checks, its DLQ acknowledged as a DLQ', () => {
    const app = new App();
    new QueueWithDlq(new Stack(app, 'TestStack'), 'OrderConfirmedQueue', { consumerTimeout: Duration.seconds(10) });

    expect(awsSolutionsFindings(app)).toEqual([]);
  });

  it('acknowledges only that its DLQ has no DLQ', () => {
    const stack = new Stack(new App(), 'TestStack');
    new QueueWithDlq(stack, 'OrderConfirmedQueue', { consumerTimeout: Duration.seconds(10) });

    expect(acknowledgments(stack).map(({ path, id }) => ({ path, id }))).toEqual([
      { path: 'TestStack/OrderConfirmedQueue/DeadLetterQueue/Resource', id: 'AwsSolutions::AwsSolutions-SQS3' },
    ]);
  });
});

describe('visibilityTimeoutFor', () => {
  it('refuses a consumer timeout whose derived visibility timeout exceeds 12 hours', () => {
    const act = () => visibilityTimeoutFor(Duration.hours(3));

    expect(act).toThrow(VisibilityTimeoutTooLongError);
  });
});
