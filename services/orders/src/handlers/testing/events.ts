import type { AnyEventDefinition, DataOf } from '@shop/events';
import { anEventBridgeEvent, anSqsRecord } from '@shop/lambda-kit/testing';
import type { SQSRecord } from 'aws-lambda';

let eventCount = 0;

/** An SQS record carrying an EventBridge event of `definition` with `data` (its sample metadata). */
export function aRecordOf<E extends AnyEventDefinition>(definition: E, data: DataOf<E>, messageId?: string): SQSRecord {
  const id = `evt-${++eventCount}`;
  const detail = { metadata: definition.sampleDetail.metadata, data };
  const event = anEventBridgeEvent({ id, source: definition.source, detailType: definition.detailType, detail });
  return anSqsRecord(messageId ?? `msg-${id}`, event);
}
