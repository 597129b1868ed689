import type { Json } from '../core/contracts';

/** @internal Which messages of a batch go back to the queue: all of them, or the listed ones. */
export type BatchFailures = { all: true; reason: string } | { all: false; messageIds: ReadonlySet<string> };

/**
 * @internal
 * Reads a function's answer under `FunctionResponseTypes: ['ReportBatchItemFailures']` as Lambda does:
 * a null or empty answer, or an empty or null `batchItemFailures`, is complete success; an answer that is not
 * an object, or an item with a null, empty, misnamed or unknown `itemIdentifier`, fails the whole batch.
 * @example readBatchItemFailures({ batchItemFailures: [{ itemIdentifier: 'm2' }] }, new Set(['m1', 'm2']))
 */
export function readBatchItemFailures(response: Json, batchMessageIds: ReadonlySet<string>): BatchFailures {
  if (response === null) return { all: false, messageIds: new Set() };
  if (typeof response !== 'object' || Array.isArray(response)) {
    return { all: true, reason: 'the function response is not a JSON object' };
  }
  const failures = response['batchItemFailures'];
  if (failures === undefined || failures === null) return { all: false, messageIds: new Set() };
  if (!Array.isArray(failures)) return { all: true, reason: 'batchItemFailures is not a list' };
  const messageIds = new Set<string>();
  for (const failure of failures) {
    const identifier =
      typeof failure === 'object' && failure !== null && !Array.isArray(failure)
        ? failure['itemIdentifier']
        : undefined;
    if (typeof identifier !== 'string' || identifier === '' || !batchMessageIds.has(identifier)) {
      return {
        all: true,
        reason: `batchItemFailures names ${JSON.stringify(failure)}, which is not a message of the batch`,
      };
    }
    messageIds.add(identifier);
  }
  return { all: false, messageIds };
}
