import { afterEach, describe, expect, it } from 'vitest';
import { startRecordingService } from '../../test-support';
import { makeServiceCall } from './aws-service-call';

let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('makeServiceCall', () => {
  it.each([
    ['dynamodb', 'Query', 'DynamoDB_20120810.Query', 'application/x-amz-json-1.0'],
    ['dynamodb', 'UpdateItem', 'DynamoDB_20120810.UpdateItem', 'application/x-amz-json-1.0'],
    ['events', 'PutEvents', 'AWSEvents.PutEvents', 'application/x-amz-json-1.1'],
    ['states', 'DescribeExecution', 'AWSStepFunctions.DescribeExecution', 'application/x-amz-json-1.0'],
  ])(
    'calls %s %s with the target and content type of its JSON protocol',
    async (service, action, target, contentType) => {
      const recording = await startRecordingService(() => ({ status: 200, body: { ok: true } }));
      close = () => recording.close();

      const response = await makeServiceCall(recording.url)({
        service,
        action,
        region: 'eu-west-2',
        body: '{"TableName":"t"}',
      });

      expect(recording.requests[0]?.headers).toMatchObject({ 'x-amz-target': target, 'content-type': contentType });
      expect(recording.requests[0]?.body).toEqual({ TableName: 't' });
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body.toString())).toEqual({ ok: true });
    },
  );

  it("answers the service's error status and body untouched", async () => {
    const recording = await startRecordingService(() => ({
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
        message: 'Requested resource not found',
      },
    }));
    close = () => recording.close();

    const response = await makeServiceCall(recording.url)({
      service: 'dynamodb',
      action: 'GetItem',
      region: 'eu-west-2',
      body: '{}',
    });

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body.toString())).toEqual({
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
      message: 'Requested resource not found',
    });
  });
});
