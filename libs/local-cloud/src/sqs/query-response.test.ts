import { describe, expect, it } from 'vitest';
import { renderQueryError, renderQueryResult } from './query-response';

describe('renderQueryResult', () => {
  it('flattens received messages, their attributes and message attributes', () => {
    const output = {
      Messages: [
        {
          MessageId: 'm1',
          Body: 'a < b',
          Attributes: { ApproximateReceiveCount: '1' },
          MessageAttributes: { kind: { DataType: 'String', StringValue: 'x' } },
        },
      ],
    };

    const xml = renderQueryResult('ReceiveMessage', output, 'req-1');

    expect(xml).toContain(
      '<ReceiveMessageResult><Message><MessageId>m1</MessageId><Body>a &lt; b</Body>' +
        '<Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute>' +
        '<MessageAttribute><Name>kind</Name><Value><DataType>String</DataType><StringValue>x</StringValue></Value></MessageAttribute>' +
        '</Message></ReceiveMessageResult>',
    );
    expect(xml).toContain('<RequestId>req-1</RequestId>');
  });

  it('names batch entries after the action', () => {
    const output = { Successful: [{ Id: 'a' }], Failed: [{ Id: 'b', SenderFault: true, Code: 'X', Message: 'no' }] };

    const xml = renderQueryResult('DeleteMessageBatch', output, 'req-1');

    expect(xml).toContain('<DeleteMessageBatchResultEntry><Id>a</Id></DeleteMessageBatchResultEntry>');
    expect(xml).toContain(
      '<BatchResultErrorEntry><Id>b</Id><SenderFault>true</SenderFault><Code>X</Code><Message>no</Message></BatchResultErrorEntry>',
    );
  });

  it('answers an action without output with response metadata only', () => {
    const xml = renderQueryResult('DeleteMessage', {}, 'req-1');

    expect(xml).not.toContain('DeleteMessageResult');
    expect(xml).toContain('<DeleteMessageResponse');
  });
});

describe('renderQueryError', () => {
  it('carries the query error code and fault', () => {
    const xml = renderQueryError(
      'AWS.SimpleQueueService.NonExistentQueue',
      'The specified queue does not exist.',
      true,
      'req-1',
    );

    expect(xml).toContain('<Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>');
  });
});
