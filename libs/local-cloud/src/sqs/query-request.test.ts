import { describe, expect, it } from 'vitest';
import { parseQueryRequest } from './query-request';

describe('parseQueryRequest', () => {
  it('turns flattened message attributes into the JSON protocol map', () => {
    const body =
      'Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2F127.0.0.1%2F1%2Fq&MessageBody=hi&DelaySeconds=5' +
      '&MessageAttribute.1.Name=kind&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=x';

    const request = parseQueryRequest(body);

    expect(request).toEqual({
      action: 'SendMessage',
      input: {
        QueueUrl: 'http://127.0.0.1/1/q',
        MessageBody: 'hi',
        DelaySeconds: 5,
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } },
      },
    });
  });

  it('orders flattened lists by their index', () => {
    const body = 'Action=ReceiveMessage&AttributeName.2=SentTimestamp&AttributeName.1=All&MaxNumberOfMessages=10';

    const { input } = parseQueryRequest(body);

    expect(input).toEqual({ AttributeNames: ['All', 'SentTimestamp'], MaxNumberOfMessages: 10 });
  });

  it('turns batch entries into Entries', () => {
    const body =
      'Action=DeleteMessageBatch&DeleteMessageBatchRequestEntry.1.Id=a&DeleteMessageBatchRequestEntry.1.ReceiptHandle=r1' +
      '&DeleteMessageBatchRequestEntry.2.Id=b&DeleteMessageBatchRequestEntry.2.ReceiptHandle=r2';

    const { input } = parseQueryRequest(body);

    expect(input['Entries']).toEqual([
      { Id: 'a', ReceiptHandle: 'r1' },
      { Id: 'b', ReceiptHandle: 'r2' },
    ]);
  });

  it('names CreateQueue tags `tags`, as the SQS model does', () => {
    const body =
      'Action=CreateQueue&QueueName=q&Attribute.1.Name=VisibilityTimeout&Attribute.1.Value=60&Tag.1.Key=team&Tag.1.Value=orders';

    const { input } = parseQueryRequest(body);

    expect(input).toEqual({ QueueName: 'q', Attributes: { VisibilityTimeout: '60' }, tags: { team: 'orders' } });
  });
});
