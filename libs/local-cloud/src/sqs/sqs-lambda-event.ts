import type { Json } from '../core/contracts';

/** @internal A message as ReceiveMessage returns it (JSON protocol). */
export interface ReceivedSqsMessage {
  MessageId: string;
  ReceiptHandle: string;
  MD5OfBody: string;
  Body: string;
  Attributes?: Record<string, string>;
  MD5OfMessageAttributes?: string;
  MessageAttributes?: Record<string, ReceivedMessageAttribute>;
}

interface ReceivedMessageAttribute {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
  StringListValues?: string[];
  BinaryListValues?: string[];
}

/** @internal One record of the event Lambda's SQS poller sends to a function. */
export type SqsLambdaRecord = { [key: string]: Json } & { messageId: string; receiptHandle: string; body: string };

/**
 * @internal
 * The record Lambda builds from a received message: camelCase keys, message attribute values with
 * `stringListValues`/`binaryListValues` always present, and the queue's ARN and region.
 * @example toSqsLambdaRecord(message, 'arn:aws:sqs:eu-west-2:000000000000:jobs').eventSource // 'aws:sqs'
 */
export function toSqsLambdaRecord(message: ReceivedSqsMessage, queueArn: string): SqsLambdaRecord {
  const record: SqsLambdaRecord = {
    messageId: message.MessageId,
    receiptHandle: message.ReceiptHandle,
    body: message.Body,
    attributes: { ...message.Attributes },
    messageAttributes: messageAttributesOf(message.MessageAttributes ?? {}),
    md5OfBody: message.MD5OfBody,
    eventSource: 'aws:sqs',
    eventSourceARN: queueArn,
    awsRegion: queueArn.split(':')[3] ?? '',
  };
  if (message.MD5OfMessageAttributes) record['md5OfMessageAttributes'] = message.MD5OfMessageAttributes;
  return record;
}

function messageAttributesOf(attributes: Record<string, ReceivedMessageAttribute>): { [name: string]: Json } {
  const result: { [name: string]: Json } = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    result[name] = {
      ...(attribute.StringValue !== undefined ? { stringValue: attribute.StringValue } : {}),
      ...(attribute.BinaryValue !== undefined ? { binaryValue: attribute.BinaryValue } : {}),
      stringListValues: attribute.StringListValues ?? [],
      binaryListValues: attribute.BinaryListValues ?? [],
      dataType: attribute.DataType,
    };
  }
  return result;
}
