import { describe, expect, it } from 'vitest';
import { InvalidQueuePropertiesError } from './errors';
import { toQueueDefinition } from './queue-properties';

const ARN = 'arn:aws:sqs:eu-west-2:123456789012:jobs';
const FIFO_ARN = 'arn:aws:sqs:eu-west-2:123456789012:jobs.fifo';

describe('toQueueDefinition', () => {
  it('turns CloudFormation properties into SQS attribute strings', () => {
    const properties = {
      VisibilityTimeout: 60,
      MessageRetentionPeriod: '1209600',
      DelaySeconds: 5,
      RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-2:123456789012:dlq","maxReceiveCount":"4"}',
      Tags: [{ Key: 'team', Value: 'orders' }],
    };

    const definition = toQueueDefinition(ARN, properties);

    expect(definition).toEqual({
      name: 'jobs',
      attributes: {
        VisibilityTimeout: '60',
        MessageRetentionPeriod: '1209600',
        DelaySeconds: '5',
        RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:eu-west-2:123456789012:dlq","maxReceiveCount":4}',
      },
      tags: { team: 'orders' },
    });
  });

  it('gives a FIFO queue the FIFO defaults SQS reports', () => {
    const definition = toQueueDefinition(FIFO_ARN, { FifoQueue: true, ContentBasedDeduplication: true });

    expect(definition.attributes).toEqual({
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      DeduplicationScope: 'queue',
      FifoThroughputLimit: 'perQueue',
    });
  });

  it.each([
    ['a visibility timeout over 12 hours', ARN, { VisibilityTimeout: 43_201 }],
    ['a retention period under a minute', ARN, { MessageRetentionPeriod: 59 }],
    ['a FIFO queue whose name lacks .fifo', ARN, { FifoQueue: true }],
    ['a .fifo name on a standard queue', FIFO_ARN, {}],
    ['content-based deduplication on a standard queue', ARN, { ContentBasedDeduplication: true }],
    ['a redrive policy without a DLQ ARN', ARN, { RedrivePolicy: { maxReceiveCount: 3 } }],
    [
      'a maxReceiveCount of zero',
      ARN,
      { RedrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:eu-west-2:1:dlq', maxReceiveCount: 0 } },
    ],
    ['a QueueName that is not the ARN name', ARN, { QueueName: 'other' }],
  ])('rejects %s', (_case, arn, properties) => {
    expect(() => toQueueDefinition(arn, properties)).toThrow(InvalidQueuePropertiesError);
  });
});
