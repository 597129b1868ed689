import { App, Stack, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { acknowledgments } from './acknowledgments';

describe('acknowledgments', () => {
  it('lists each acknowledgment under a scope with its path and reason', () => {
    const stack = new Stack(new App(), 'TestStack');
    const queue = new sqs.Queue(stack, 'Queue');
    Validations.of(queue).acknowledge({ id: 'AwsSolutions::AwsSolutions-SQS3', reason: 'Test: this queue is a DLQ.' });
    new sqs.Queue(stack, 'Other');

    const found = acknowledgments(stack);

    expect(found).toEqual([
      { path: 'TestStack/Queue', id: 'AwsSolutions::AwsSolutions-SQS3', reason: 'Test: this queue is a DLQ.' },
    ]);
  });
});
