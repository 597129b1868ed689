import { describe, expect, it } from 'vitest';
import { InvalidEventSourceMappingError } from './errors';
import { toSqsEventSourceMapping } from './event-source-mapping';

const QUEUE = 'arn:aws:sqs:eu-west-2:123456789012:jobs';

describe('toSqsEventSourceMapping', () => {
  it("fills in Lambda's defaults and the function ARN for a bare function name", () => {
    const mapping = toSqsEventSourceMapping('M', { EventSourceArn: QUEUE, FunctionName: 'worker' });

    expect(mapping).toEqual({
      id: 'M',
      queueArn: QUEUE,
      functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:worker',
      batchSize: 10,
      batchingWindowSeconds: 0,
      maximumConcurrency: 5,
      reportBatchItemFailures: false,
      enabled: true,
      filters: [],
    });
  });

  it('keeps the alias of a qualified function name, which CDK gives a mapping on an alias (`name:live`)', () => {
    const mapping = toSqsEventSourceMapping('M', { EventSourceArn: QUEUE, FunctionName: 'worker:live' });

    expect(mapping.functionArn).toBe('arn:aws:lambda:eu-west-2:123456789012:function:worker:live');
  });

  it('reads batching, scaling, partial batch responses, Enabled and filters', () => {
    const mapping = toSqsEventSourceMapping('M', {
      EventSourceArn: QUEUE,
      FunctionName: 'arn:aws:lambda:eu-west-2:123456789012:function:worker',
      BatchSize: 100,
      MaximumBatchingWindowInSeconds: 5,
      ScalingConfig: { MaximumConcurrency: 2 },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      Enabled: false,
      FilterCriteria: { Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] },
    });

    expect(mapping).toMatchObject({
      batchSize: 100,
      batchingWindowSeconds: 5,
      maximumConcurrency: 2,
      reportBatchItemFailures: true,
      enabled: false,
      filters: [{ body: { type: ['order'] } }],
    });
  });

  it.each([
    ['a batch over 10 without a batching window', { BatchSize: 11 }],
    ['a FIFO batch over 10', { EventSourceArn: `${QUEUE}.fifo`, BatchSize: 20, MaximumBatchingWindowInSeconds: 1 }],
    ['a maximum concurrency of 1', { ScalingConfig: { MaximumConcurrency: 1 } }],
    ['a filter pattern that is not JSON', { FilterCriteria: { Filters: [{ Pattern: '{body' }] } }],
    ['a source that is not a queue', { EventSourceArn: 'arn:aws:kinesis:eu-west-2:1:stream/s' }],
  ])('rejects %s', (_case, overrides) => {
    const properties = { EventSourceArn: QUEUE, FunctionName: 'worker', ...overrides };

    expect(() => toSqsEventSourceMapping('M', properties)).toThrow(InvalidEventSourceMappingError);
  });
});
