import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { MAX_PUT_EVENTS_ENTRIES } from '@shop/events';

/** EventBridge refused some entries of a PutEvents call. */
export class PutEventsRefusedError extends Error {
  override readonly name = 'PutEventsRefusedError';
  readonly code = 'E2E.PUT_EVENTS_REFUSED';
}

/**
 * Puts entries on the bus, at most 10 per PutEvents call (the calls run concurrently), and returns EventBridge's
 * event ids in the entries' order.
 *
 * @throws PutEventsRefusedError listing each refused entry's error; nothing is retried, the test should see it.
 * @example
 * await putEntries(events, [orderPlacedEntry(target, order)]);
 */
export async function putEntries(
  events: EventBridgeClient,
  entries: readonly PutEventsRequestEntry[],
): Promise<string[]> {
  const batches: PutEventsRequestEntry[][] = [];
  for (let i = 0; i < entries.length; i += MAX_PUT_EVENTS_ENTRIES)
    batches.push(entries.slice(i, i + MAX_PUT_EVENTS_ENTRIES));
  const results = await Promise.all(batches.map((Entries) => events.send(new PutEventsCommand({ Entries }))));
  const answers = results.flatMap((result) => result.Entries ?? []);
  const refused = answers.filter((answer) => answer.ErrorCode);
  if (refused.length > 0 || answers.length !== entries.length) {
    const reasons = refused.map((answer) => `${answer.ErrorCode}: ${answer.ErrorMessage}`).join('; ');
    throw new PutEventsRefusedError(`EventBridge refused ${refused.length} of ${entries.length} entries: ${reasons}`);
  }
  return answers.map((answer) => answer.EventId ?? '');
}
