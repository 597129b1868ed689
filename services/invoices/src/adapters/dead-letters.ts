import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

/**
 * Sends a record straight to the inbox's dead-letter queue, with why, for a message that can never succeed
 * (an order whose figures do not add up). SQS's own redrive would move it only after `maxReceiveCount`
 * attempts that all fail the same way, each holding up the record for a visibility timeout.
 */
export class DeadLetters {
  constructor(private readonly options: { readonly client: SQSClient; readonly queueUrl: string }) {}

  async send(record: SQSRecord, error: { name: string; code: string }): Promise<void> {
    await this.options.client.send(
      new SendMessageCommand({
        QueueUrl: this.options.queueUrl,
        MessageBody: record.body,
        MessageAttributes: {
          ErrorCode: { DataType: 'String', StringValue: error.code },
          ErrorName: { DataType: 'String', StringValue: error.name },
          SourceMessageId: { DataType: 'String', StringValue: record.messageId },
        },
      }),
    );
  }
}
