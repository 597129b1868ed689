import type { SqsQueue } from './fauxqs-engine';

type StoredMessage = SqsQueue['messages'][number];

/**
 * @internal
 * Deletes the messages older than their queue's MessageRetentionPeriod, which fauxqs stores but does not
 * apply. Like SQS, age counts from the first send, so a message moved to a DLQ keeps its original age.
 * Messages in flight are left to their receiver and expire once they are visible again.
 * @example dropExpiredMessages(engine.queues(), Date.now()) // how many messages were deleted
 */
export function dropExpiredMessages(queues: Iterable<SqsQueue>, now: number): number {
  let dropped = 0;
  for (const queue of queues) {
    const retentionMs = Number(queue.attributes['MessageRetentionPeriod']) * 1_000;
    if (!Number.isFinite(retentionMs)) continue;
    const live = (message: StoredMessage): boolean => message.sentTimestamp + retentionMs > now;
    const keep = (messages: StoredMessage[]): StoredMessage[] => {
      const kept = messages.filter(live);
      dropped += messages.length - kept.length;
      return kept;
    };
    queue.messages = keep(queue.messages);
    queue.delayedMessages = keep(queue.delayedMessages);
    for (const groups of [queue.fifoMessages, queue.fifoDelayed]) {
      for (const [groupId, messages] of groups) {
        const kept = keep(messages);
        if (kept.length > 0) groups.set(groupId, kept);
        else groups.delete(groupId);
      }
    }
  }
  return dropped;
}
