import { queueDoesNotExist, SqsApiError } from './errors';
import { accountOf, regionOf, type CallerHeaders, type FauxqsEngine, type JsonProtocolResponse } from './fauxqs-engine';
import { MessageMoveTasks } from './message-move-tasks';
import { deadLetterTargetOf } from './redrive-rules';
import type { ReceivedSqsMessage } from './sqs-lambda-event';

type Input = Record<string, unknown>;
type LocalAction = (input: Input, caller: CallerHeaders) => object | Promise<object>;

/** @internal Runs one SQS action given as JSON protocol input, and answers as the JSON protocol does. */
export type SqsApi = (action: string, input: Input, caller: CallerHeaders) => Promise<JsonProtocolResponse>;

/**
 * @internal
 * The SQS API over the embedded fauxqs. A QueueUrl is resolved like AWS resolves it (account and name from
 * the path, any host), so URLs from templates, environment variables and the API reach the same queue.
 * Answered here instead of by fauxqs: GetQueueUrl (fauxqs looks names up under its own account, while
 * template queues keep the template's), the DLQ actions fauxqs lacks, and the DeadLetterQueueSourceArn
 * message attribute.
 * @example const api = makeSqsApi(engine); await api('GetQueueUrl', { QueueName: 'jobs' }, {});
 */
export function makeSqsApi(engine: FauxqsEngine): SqsApi {
  const moves = new MessageMoveTasks(engine);
  const local: Record<string, LocalAction> = {
    GetQueueUrl: (input, caller) => getQueueUrl(engine, input, caller),
    ListDeadLetterSourceQueues: (input) => listDeadLetterSourceQueues(engine, input),
    StartMessageMoveTask: (input) => moves.start(input),
    ListMessageMoveTasks: (input) => moves.list(input),
    CancelMessageMoveTask: (input) => moves.cancel(input),
  };
  return async (action, input, caller) => {
    const queueUrl = input['QueueUrl'];
    const queue = typeof queueUrl === 'string' ? engine.queueByUrl(queueUrl) : undefined;
    const resolved = queue ? { ...input, QueueUrl: queue.url } : input;
    const run = local[action];
    if (!run) {
      const response = await engine.forward(action, JSON.stringify(resolved), caller);
      return action === 'ReceiveMessage' ? withDeadLetterSourceArns(engine, resolved, response) : response;
    }
    try {
      return { statusCode: 200, body: JSON.stringify(await run(resolved, caller)) };
    } catch (error) {
      if (!(error instanceof SqsApiError)) throw error;
      return { statusCode: error.statusCode, body: JSON.stringify(error.toJson()), queryError: error.queryErrorHeader };
    }
  };
}

function getQueueUrl(engine: FauxqsEngine, input: Input, caller: CallerHeaders): object {
  const name = input['QueueName'];
  if (typeof name !== 'string' || name === '') {
    throw new SqsApiError('MissingParameter', 'The request must contain the parameter QueueName.');
  }
  const owner = input['QueueOwnerAWSAccountId'];
  const region = caller.authorization?.match(/Credential=[^/]+\/\d{8}\/([^/]+)\//)?.[1];
  const candidates = engine
    .queues()
    .filter((queue) => queue.name === name && (typeof owner !== 'string' || accountOf(queue.arn) === owner));
  const queue = candidates.find((candidate) => regionOf(candidate.arn) === region) ?? candidates[0];
  if (!queue) throw queueDoesNotExist();
  return { QueueUrl: queue.url };
}

function listDeadLetterSourceQueues(engine: FauxqsEngine, input: Input): object {
  const dlq = typeof input['QueueUrl'] === 'string' ? engine.queueByUrl(input['QueueUrl']) : undefined;
  if (!dlq) throw queueDoesNotExist();
  const sources = engine.queues().filter((queue) => deadLetterTargetOf(queue.attributes['RedrivePolicy']) === dlq.arn);
  return { queueUrls: sources.map((queue) => queue.url) };
}

function withDeadLetterSourceArns(
  engine: FauxqsEngine,
  input: Input,
  response: JsonProtocolResponse,
): JsonProtocolResponse {
  const requested = [input['AttributeNames'], input['MessageSystemAttributeNames']].flatMap((names) =>
    Array.isArray(names) ? names : [],
  );
  if (response.statusCode !== 200 || !requested.some((name) => name === 'All' || name === 'DeadLetterQueueSourceArn')) {
    return response;
  }
  const output = JSON.parse(response.body) as { Messages?: ReceivedSqsMessage[] };
  addDeadLetterSourceArns(engine, output.Messages ?? []);
  return { ...response, body: JSON.stringify(output) };
}

/** @internal Gives each dead-lettered message the `DeadLetterQueueSourceArn` attribute SQS reports. */
export function addDeadLetterSourceArns(engine: FauxqsEngine, messages: ReceivedSqsMessage[]): void {
  for (const message of messages) {
    const source = engine.deadLetterSourceOf(message.MessageId);
    if (source) message.Attributes = { ...message.Attributes, DeadLetterQueueSourceArn: source.arn };
  }
}
