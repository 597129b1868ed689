import { describe, expect, it } from 'vitest';
import { InvalidEventSourceMappingError } from '../errors';
import { streamMappingConfigFrom } from './event-source-mapping-config';

const STREAM_ARN = 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2024-01-01T00:00:00.000';

describe('stream event source mapping properties', () => {
  it('applies Lambda’s defaults and resolves a function name to its ARN', () => {
    const config = streamMappingConfigFrom(
      { FunctionName: 'publish-order-events', EventSourceArn: STREAM_ARN, StartingPosition: 'TRIM_HORIZON' },
      'eu-west-1',
      '123456789012',
    );

    expect(config).toMatchObject({
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:publish-order-events',
      batchSize: 100,
      batchingWindowMs: 0,
      maxRetries: -1,
      maxRecordAgeS: -1,
      bisectOnError: false,
      reportBatchItemFailures: false,
      enabled: true,
      filters: [],
    });
  });

  it('reads the settings CDK’s DynamoEventSource synthesizes', () => {
    const config = streamMappingConfigFrom(
      {
        FunctionName: 'arn:aws:lambda:eu-west-1:123456789012:function:fn:live',
        EventSourceArn: STREAM_ARN,
        StartingPosition: 'LATEST',
        BatchSize: 5,
        MaximumBatchingWindowInSeconds: 3,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 10,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:123456789012:dlq' } },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: [{ Pattern: '{"eventName":["INSERT"]}' }] },
      },
      'eu-west-1',
      '123456789012',
    );

    expect(config).toMatchObject({
      functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:fn:live',
      batchSize: 5,
      batchingWindowMs: 3000,
      bisectOnError: true,
      maxRetries: 10,
      onFailureDestination: 'arn:aws:sqs:eu-west-1:123456789012:dlq',
      reportBatchItemFailures: true,
      filters: [{ eventName: ['INSERT'] }],
    });
  });

  it('refuses a source that is not a DynamoDB stream, and settings it cannot honour', () => {
    const base = { FunctionName: 'fn', StartingPosition: 'LATEST' };

    expect(() => streamMappingConfigFrom({ ...base, EventSourceArn: 'arn:aws:sqs:eu-west-1:1:q' }, 'eu-west-1', '1')).toThrow(
      InvalidEventSourceMappingError,
    );
    expect(() =>
      streamMappingConfigFrom({ ...base, EventSourceArn: STREAM_ARN, TumblingWindowInSeconds: 60 }, 'eu-west-1', '1'),
    ).toThrow(InvalidEventSourceMappingError);
    expect(() =>
      streamMappingConfigFrom({ ...base, EventSourceArn: STREAM_ARN, FilterCriteria: { Filters: [{ Pattern: '{oops' }] } }, 'eu-west-1', '1'),
    ).toThrow(InvalidEventSourceMappingError);
  });
});
