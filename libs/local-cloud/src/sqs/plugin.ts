import type { ResolvedResource, ServiceContext, ServicePlugin } from '../core/contracts';
import { SqsService } from './sqs-service';

const QUEUE = 'AWS::SQS::Queue';
const QUEUE_POLICIES = ['AWS::SQS::QueuePolicy', 'AWS::SQS::QueueInlinePolicy'];
const EVENT_SOURCE_MAPPING = 'AWS::Lambda::EventSourceMapping';

/** Queues, their policies, and the event source mappings whose source is a queue (others belong to their source). */
export const SQS_RESOURCE_TYPES = [QUEUE, ...QUEUE_POLICIES, EVENT_SOURCE_MAPPING] as const;

const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:/;

/**
 * The SQS plug-in: creates the templates' queues (each dead-letter queue before the queues that redrive to
 * it) under the URLs their `Ref`s resolved to, stores their policies, serves the `sqs` API, provides the
 * `sqs` port (rule targets, destinations, workflows) and runs Lambda's pollers for queue event source
 * mappings, invoking functions through the `lambda` port.
 *
 * @example
 * const cloud = await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin(), sqsPlugin()] });
 */
export function sqsPlugin(): ServicePlugin {
  return {
    name: 'sqs',
    resourceTypes: SQS_RESOURCE_TYPES,
    owns: (resource) => resource.type !== EVENT_SOURCE_MAPPING || QUEUE_ARN.test(String(resource.properties.EventSourceArn ?? '')),
    async start(ctx) {
      const service = await SqsService.start({ baseUrl: ctx.endpointUrl, logger: ctx.logger });
      try {
        loadResources(service, ctx);
      } catch (err) {
        await service.close();
        throw err;
      }
      return { endpoints: [service.endpoint], provides: { sqs: service }, stop: () => service.close() };
    },
  };
}

/** In CloudFormation's order: queues (dead-letter queues first), then the policies and mappings that name them. */
function loadResources(service: SqsService, ctx: ServiceContext): void {
  const ofType = (...types: string[]) => ctx.resources.filter((r) => types.includes(r.type));
  for (const queue of deadLettersFirst(ofType(QUEUE))) service.loadQueue({ arn: queue.arn ?? '', properties: queue.properties });
  for (const policy of ofType(...QUEUE_POLICIES)) service.loadQueuePolicy(policy.properties);
  for (const mapping of ofType(EVENT_SOURCE_MAPPING)) {
    service.loadEventSourceMapping({ id: mapping.physicalName, properties: mapping.properties }, ctx.ports.lambda);
  }
}

/**
 * Orders queues so that each comes after the queue its RedrivePolicy names, as CloudFormation's dependency
 * graph does. A redrive cycle is left as it is: loading then refuses the queue whose DLQ is missing.
 *
 * @internal
 * @example
 * deadLettersFirst([jobs, jobsDlq]); // [jobsDlq, jobs]
 */
export function deadLettersFirst(queues: readonly ResolvedResource[]): ResolvedResource[] {
  const byArn = new Map(queues.map((queue) => [queue.arn, queue]));
  const ordered: ResolvedResource[] = [];
  const visiting = new Set<ResolvedResource>();
  const visit = (queue: ResolvedResource): void => {
    if (visiting.has(queue)) return;
    visiting.add(queue);
    const deadLetterQueue = byArn.get(deadLetterTargetOf(queue.properties.RedrivePolicy));
    if (deadLetterQueue) visit(deadLetterQueue);
    ordered.push(queue);
  };
  queues.forEach(visit);
  return ordered;
}

/** CloudFormation takes RedrivePolicy as an object or as JSON text. */
function deadLetterTargetOf(redrivePolicy: unknown): string | undefined {
  let policy = redrivePolicy;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return undefined;
    }
  }
  const target = (policy as { deadLetterTargetArn?: unknown } | null | undefined)?.deadLetterTargetArn;
  return typeof target === 'string' ? target : undefined;
}
