import { buildApp, type BuildAppOptions } from 'fauxqs';
import { DeadLetterSources } from './dead-letter-sources';
import { SqsApiError } from './errors';

type Stores = NonNullable<BuildAppOptions['stores']>;
/** @internal fauxqs' in-memory SQS state. */
export type SqsStore = Stores['sqsStore'];
/** @internal One fauxqs queue: its attributes and its ready, delayed and in-flight messages. */
export type SqsQueue = ReturnType<SqsStore['createQueue']>;
type FauxqsApp = ReturnType<typeof buildApp>;

/** @internal A JSON protocol answer, as fauxqs gave it. */
export interface JsonProtocolResponse {
  statusCode: number;
  body: string;
  queryError?: string;
}

/** @internal Who is calling: the SigV4 header carries the region fauxqs files API-created queues under. */
export interface CallerHeaders {
  authorization?: string;
  host?: string;
}

const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * @internal
 * fauxqs embedded in this process: its Fastify app answers the SQS JSON protocol through `inject`
 * (no socket, no port), and its store is ours to read.
 */
export class FauxqsEngine {
  private constructor(
    readonly store: SqsStore,
    private readonly app: FauxqsApp,
    private readonly deadLetterSources: DeadLetterSources,
  ) {}

  static async start(): Promise<FauxqsEngine> {
    const stores = await newStores();
    // An empty host makes fauxqs build API-created queue URLs from the request's Host header, i.e. the
    // gateway's own origin, instead of sqs.<region>.localhost (which does not resolve everywhere).
    stores.sqsStore.host = '';
    // fauxqs reports dead-lettering only to its message spy, which calls nothing but addMessage.
    const deadLetterSources = new DeadLetterSources();
    stores.sqsStore.spy = deadLetterSources as unknown as SqsStore['spy'];
    const app = buildApp({ logger: false, stores });
    await app.ready();
    return new FauxqsEngine(stores.sqsStore, app, deadLetterSources);
  }

  /** Runs one JSON protocol action and hands back fauxqs' answer untouched. */
  async forward(action: string, payload: string, caller: CallerHeaders = {}): Promise<JsonProtocolResponse> {
    const headers: Record<string, string> = {
      'content-type': JSON_CONTENT_TYPE,
      'x-amz-target': `AmazonSQS.${action}`,
    };
    if (caller.authorization) headers['authorization'] = caller.authorization;
    if (caller.host) headers['host'] = caller.host;
    const response = await this.app.inject({ method: 'POST', url: '/', headers, payload });
    const queryError = response.headers['x-amzn-query-error'];
    if (response.statusCode >= 500) return internalFailure(response.body);
    return {
      statusCode: response.statusCode,
      body: response.body,
      ...(typeof queryError === 'string' ? { queryError } : {}),
    };
  }

  /** Runs one action for this process' own use (pollers, other services); throws AWS errors. */
  async call<T>(action: string, input: object): Promise<T> {
    const response = await this.forward(action, JSON.stringify(input));
    const output: unknown = response.body ? JSON.parse(response.body) : {};
    if (response.statusCode >= 300) throw toApiError(response, output);
    return output as T;
  }

  /** Finds a queue by URL the way AWS does: by the account and name in its path, whatever the host. */
  queueByUrl(url: string): SqsQueue | undefined {
    const segments = url
      .replace(/^[a-z]+:\/\/[^/]+/i, '')
      .split('/')
      .filter(Boolean);
    const name = segments.at(-1);
    const account = segments.length > 1 ? segments.at(-2) : undefined;
    if (!name) return undefined;
    return this.queues().find((queue) => queue.name === name && (!account || accountOf(queue.arn) === account));
  }

  queueByArn(arn: string): SqsQueue | undefined {
    return this.store.getQueueByArn(arn);
  }

  /** The queue a message was dead-lettered from, if it was. */
  deadLetterSourceOf(messageId: string): SqsQueue | undefined {
    const name = this.deadLetterSources.sourceNameOf(messageId);
    return name === undefined ? undefined : this.store.getQueueByName(name);
  }

  queues(): SqsQueue[] {
    return [...this.store.allQueues()];
  }

  /** Ends every long poll at once, so pollers notice a stop without waiting out their poll. */
  wakeAllWaiters(): void {
    this.store.shutdown();
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

/** @internal The account in an ARN (`arn:aws:sqs:region:account:name`). */
export const accountOf = (arn: string): string | undefined => arn.split(':')[4];

/** @internal The region in an ARN. */
export const regionOf = (arn: string): string | undefined => arn.split(':')[3];

function toApiError(response: JsonProtocolResponse, output: unknown): SqsApiError {
  const { __type, message } = (output ?? {}) as { __type?: string; message?: string };
  const awsCode = __type?.split('#').at(-1) ?? 'InternalFailure';
  const queryCode = response.queryError?.split(';')[0] ?? awsCode;
  return new SqsApiError(awsCode, message ?? awsCode, response.statusCode, queryCode);
}

function internalFailure(detail: string): JsonProtocolResponse {
  const error = new SqsApiError('InternalFailure', `The request processing has failed: ${detail}`, 500);
  return { statusCode: 500, body: JSON.stringify(error.toJson()), queryError: error.queryErrorHeader };
}

async function newStores(): Promise<Stores> {
  // fauxqs' package exports only buildApp/startFauxqs, but buildApp accepts its stores: we build them from
  // its own modules (version pinned in package.json) so template queues keep their template ARNs.
  const root = import.meta.resolve('fauxqs');
  const load = async <T>(path: string, name: string): Promise<new () => T> => {
    const module = (await import(new URL(path, root).href)) as Record<string, new () => T>;
    const constructor = module[name];
    if (!constructor) throw new Error(`fauxqs no longer exports ${name} from ${path}`);
    return constructor;
  };
  const [SqsStore, SnsStore, S3Store] = await Promise.all([
    load<Stores['sqsStore']>('./sqs/sqsStore.js', 'SqsStore'),
    load<Stores['snsStore']>('./sns/snsStore.js', 'SnsStore'),
    load<Stores['s3Store']>('./s3/s3Store.js', 'S3Store'),
  ]);
  return { sqsStore: new SqsStore(), snsStore: new SnsStore(), s3Store: new S3Store() };
}
