import { formatReceipt, preciseNow, type ProbeDetail } from '../probe';

interface ProbeEvent {
  readonly detail: ProbeDetail;
}

interface SqsEvent {
  readonly Records: ReadonlyArray<{ readonly body: string }>;
}

/**
 * Logs one receipt per probe, stamped when the handler starts: a rule's Lambda target passes the
 * EventBridge event itself, a queue's event source mapping passes SQS records whose bodies are the events.
 */
export const handler = async (event: ProbeEvent | SqsEvent): Promise<{ received: number }> => {
  const receivedAt = preciseNow();
  const probes = 'Records' in event ? event.Records.map((record) => JSON.parse(record.body) as ProbeEvent) : [event];
  for (const probe of probes) console.log(formatReceipt({ ...probe.detail, receivedAt }));
  return { received: probes.length };
};
