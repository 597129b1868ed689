import { InvalidQueuePropertiesError } from './errors';

/** @internal A queue as fauxqs stores it: SQS attribute strings, as GetQueueAttributes returns them. */
export interface QueueDefinition {
  name: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
}

/** CloudFormation's limits on AWS::SQS::Queue, the same as SetQueueAttributes'. */
const INTEGERS: Record<string, { min: number; max: number }> = {
  DelaySeconds: { min: 0, max: 900 },
  KmsDataKeyReusePeriodSeconds: { min: 60, max: 86_400 },
  MaximumMessageSize: { min: 1_024, max: 1_048_576 },
  MessageRetentionPeriod: { min: 60, max: 1_209_600 },
  ReceiveMessageWaitTimeSeconds: { min: 0, max: 20 },
  VisibilityTimeout: { min: 0, max: 43_200 },
};
const BOOLEANS = ['ContentBasedDeduplication', 'FifoQueue', 'SqsManagedSseEnabled'];
const STRINGS = ['DeduplicationScope', 'FifoThroughputLimit', 'KmsMasterKeyId'];

/**
 * @internal
 * Turns the resolved properties of an AWS::SQS::Queue into the attributes SQS would report for it.
 * @example toQueueDefinition('arn:aws:sqs:eu-west-2:000000000000:jobs', { VisibilityTimeout: 30 })
 */
export function toQueueDefinition(queueArn: string, properties: Record<string, unknown>): QueueDefinition {
  const fail = (reason: string): never => {
    throw new InvalidQueuePropertiesError(queueArn, reason);
  };
  const name = queueArn.split(':')[5] ?? fail('the ARN has no queue name');
  if (properties['QueueName'] !== undefined && properties['QueueName'] !== name) {
    fail(`QueueName ${String(properties['QueueName'])} differs from the name in the ARN`);
  }
  const attributes: Record<string, string> = {};
  for (const [key, range] of Object.entries(INTEGERS)) {
    if (properties[key] !== undefined)
      attributes[key] =
        integerIn(properties[key], range) ?? fail(`${key} must be an integer from ${range.min} to ${range.max}`);
  }
  for (const key of BOOLEANS) {
    if (properties[key] !== undefined) attributes[key] = booleanOf(properties[key]) ?? fail(`${key} must be a boolean`);
  }
  for (const key of STRINGS) {
    if (properties[key] !== undefined) attributes[key] = String(properties[key]);
  }
  if (properties['RedrivePolicy'] !== undefined)
    attributes['RedrivePolicy'] = redrivePolicyOf(properties['RedrivePolicy'], fail);
  if (properties['RedriveAllowPolicy'] !== undefined)
    attributes['RedriveAllowPolicy'] = jsonText(properties['RedriveAllowPolicy'], fail);
  applyFifoRules(name, attributes, fail);
  return { name, attributes, tags: tagsOf(properties['Tags'], fail) };
}

function applyFifoRules(name: string, attributes: Record<string, string>, fail: (reason: string) => never): void {
  const fifo = attributes['FifoQueue'] === 'true';
  if (fifo !== name.endsWith('.fifo')) fail('a FIFO queue, and only a FIFO queue, has a name ending in .fifo');
  if (!fifo) {
    if (attributes['ContentBasedDeduplication'] === 'true') fail('ContentBasedDeduplication needs a FIFO queue');
    delete attributes['FifoQueue'];
    return;
  }
  attributes['ContentBasedDeduplication'] ??= 'false';
  attributes['DeduplicationScope'] ??= 'queue';
  attributes['FifoThroughputLimit'] ??= 'perQueue';
}

function redrivePolicyOf(value: unknown, fail: (reason: string) => never): string {
  const policy = objectOf(value) ?? fail('RedrivePolicy must be a JSON object');
  const target = policy['deadLetterTargetArn'];
  if (typeof target !== 'string' || !target.startsWith('arn:'))
    fail('RedrivePolicy.deadLetterTargetArn must be a queue ARN');
  const maxReceiveCount =
    integerIn(policy['maxReceiveCount'], { min: 1, max: 1_000 }) ??
    fail('RedrivePolicy.maxReceiveCount must be from 1 to 1000');
  return JSON.stringify({ deadLetterTargetArn: target, maxReceiveCount: Number(maxReceiveCount) });
}

function jsonText(value: unknown, fail: (reason: string) => never): string {
  return JSON.stringify(objectOf(value) ?? fail('RedriveAllowPolicy must be a JSON object'));
}

function objectOf(value: unknown): Record<string, unknown> | undefined {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function integerIn(value: unknown, range: { min: number; max: number }): string | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < range.min || number > range.max)
    return undefined;
  return String(number);
}

function booleanOf(value: unknown): string | undefined {
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  return undefined;
}

function tagsOf(value: unknown, fail: (reason: string) => never): Record<string, string> {
  if (value === undefined) return {};
  if (!Array.isArray(value)) return fail('Tags must be a list of { Key, Value }');
  const tags: Record<string, string> = {};
  for (const tag of value as Array<{ Key?: unknown; Value?: unknown }>) {
    if (typeof tag?.Key !== 'string') fail('every tag needs a Key');
    tags[String(tag.Key)] = String(tag.Value ?? '');
  }
  return tags;
}
