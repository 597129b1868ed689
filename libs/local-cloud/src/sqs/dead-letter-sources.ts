/** The subset of fauxqs' message spy events this needs: `dlq` when a message moves, `consumed` when deleted. */
interface SpyEvent {
  service: string;
  queueName?: string;
  messageId?: string;
  status: string;
}

/**
 * @internal
 * Remembers which queue each dead-lettered message came from, which SQS reports as the message's
 * `DeadLetterQueueSourceArn` and uses to redrive it home. fauxqs moves messages to a DLQ inside its receive,
 * and tells only its message spy: this stands in as that spy.
 */
export class DeadLetterSources {
  private readonly sourceNames = new Map<string, string>();

  /** Called by fauxqs for every published, consumed and dead-lettered message. */
  addMessage(event: SpyEvent): void {
    if (event.service !== 'sqs' || !event.messageId) return;
    if (event.status === 'dlq' && event.queueName) this.sourceNames.set(event.messageId, event.queueName);
    if (event.status === 'consumed') this.sourceNames.delete(event.messageId);
  }

  /** The name of the queue a message was dead-lettered from, if it was. */
  sourceNameOf(messageId: string): string | undefined {
    return this.sourceNames.get(messageId);
  }
}
