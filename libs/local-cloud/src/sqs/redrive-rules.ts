import { InvalidQueuePropertiesError } from './errors';
import type { SqsQueue } from './fauxqs-engine';

/**
 * @internal
 * What SQS checks when a queue gets a RedrivePolicy and fauxqs does not: the DLQ exists, is of the same
 * type (FIFO or standard), and its RedriveAllowPolicy lets this queue use it.
 * @example checkRedriveTarget(sourceArn, { RedrivePolicy: '{"deadLetterTargetArn":"...","maxReceiveCount":3}' }, findQueue)
 */
export function checkRedriveTarget(
  sourceArn: string,
  attributes: Record<string, string>,
  queueByArn: (arn: string) => SqsQueue | undefined,
): void {
  const targetArn = deadLetterTargetOf(attributes['RedrivePolicy']);
  if (!targetArn) return;
  const fail = (reason: string): never => {
    throw new InvalidQueuePropertiesError(sourceArn, `RedrivePolicy is invalid: ${reason}`);
  };
  const dlq = queueByArn(targetArn) ?? fail(`the dead-letter queue ${targetArn} does not exist (load it first)`);
  if (dlq.isFifo() !== (attributes['FifoQueue'] === 'true')) {
    fail('a FIFO queue needs a FIFO dead-letter queue, and a standard queue a standard one');
  }
  if (!redriveAllowed(dlq.attributes['RedriveAllowPolicy'], sourceArn)) {
    fail(`the RedriveAllowPolicy of ${targetArn} does not allow this queue`);
  }
}

function redriveAllowed(redriveAllowPolicy: string | undefined, sourceArn: string): boolean {
  if (!redriveAllowPolicy) return true;
  const policy = JSON.parse(redriveAllowPolicy) as { redrivePermission?: string; sourceQueueArns?: unknown };
  switch (policy.redrivePermission) {
    case 'denyAll':
      return false;
    case 'byQueue':
      return Array.isArray(policy.sourceQueueArns) && policy.sourceQueueArns.includes(sourceArn);
    default:
      return true;
  }
}

/** @internal The DLQ ARN in a RedrivePolicy attribute, if it has one. */
export function deadLetterTargetOf(redrivePolicy: string | undefined): string | undefined {
  if (!redrivePolicy) return undefined;
  try {
    const policy = JSON.parse(redrivePolicy) as { deadLetterTargetArn?: unknown };
    return typeof policy.deadLetterTargetArn === 'string' ? policy.deadLetterTargetArn : undefined;
  } catch {
    return undefined;
  }
}
