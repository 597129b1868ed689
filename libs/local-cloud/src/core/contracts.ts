import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * One emulated AWS service's API, as the gateway sees it. The gateway (src/core) serves every service on
 * one 127.0.0.1 port and routes each request by its SigV4 signing name (the service in the Authorization
 * header's credential scope, or X-Amz-Credential for presigned URLs), so one `AWS_ENDPOINT_URL` serves all.
 * An endpoint speaks the service's wire protocol in and answers with the service's error shapes out.
 */
export interface ServiceEndpoint {
  /** The SigV4 signing name: 'dynamodb', 'events', 'sqs', 'lambda', 'states', 'apigateway', ... */
  readonly signingName: string;
  /**
   * Unsigned requests whose path starts with one of these prefixes also reach this endpoint (browsers and
   * curl call API Gateway stages, `/_aws/execute-api/{apiId}/...`, without SigV4).
   */
  readonly unsignedPathPrefixes?: readonly string[];
  /** Handles one request whose body has already been read. */
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void>;
}

/** A JSON value as it travels between services. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON object (a resolved resource's properties, an event entry). */
export type JsonObject = { [key: string]: Json };

/**
 * How one service reaches another: only through the other's own entry points, as in AWS
 * (a rule target invokes a function through the lambda service's invoke, never its engine).
 */
export interface LambdaInvoker {
  /**
   * RequestResponse invoke: resolves with the function's result or rejects with its error
   * (`LambdaFunctionError` for an error the function returned or a timeout, `LambdaThrottledError`
   * beyond reserved concurrency, `LambdaNotFoundError` for an unknown function; all in src/lambda).
   * `functionArn` may carry a qualifier (`...:function:name:live`); a bare function name is accepted too.
   */
  invoke(functionArn: string, payload: Json): Promise<Json>;
  /** Event (asynchronous) invoke: queued with Lambda's asynchronous retries and destinations. */
  invokeAsync(functionArn: string, payload: Json): Promise<void>;
}

/** How a message is sent: its FIFO group, its delay, and String message attributes (EventBridge DLQs add ERROR_CODE...). */
export interface SendMessageOptions {
  readonly messageGroupId?: string;
  readonly delaySeconds?: number;
  readonly messageAttributes?: Readonly<Record<string, string>>;
}

export interface QueueSender {
  sendMessage(queueArn: string, body: string, options?: SendMessageOptions): Promise<void>;
}

export interface ExecutionStarter {
  startExecution(stateMachineArn: string, input: string, name?: string): Promise<{ executionArn: string }>;
}

export interface EventSender {
  /**
   * Puts already-validated entries onto the bus named by ARN (bus-to-bus targets, Lambda destinations).
   * Each entry has the PutEvents request entry shape: `Source`, `DetailType`, `Detail` (a JSON string),
   * optional `Resources` and `Time`.
   */
  putEvents(eventBusArn: string, entries: ReadonlyArray<Record<string, Json>>): Promise<void>;
}

/** Secrets Manager, read in-process: what CloudFormation's `{{resolve:secretsmanager:...}}` reads. */
export interface SecretReader {
  /**
   * GetSecretValue's `SecretString` of the AWSCURRENT version, or of the version a staging label or version id
   * names. `secretId` is a name, a full ARN or an ARN without its random suffix. Rejects with Secrets Manager's
   * error (`ResourceNotFoundException`...), or when the version holds binary data only.
   */
  getSecretString(secretId: string, version?: { readonly stage?: string; readonly id?: string }): Promise<string>;
}

/** Parameter Store, read in-process: what CloudFormation's `{{resolve:ssm:...}}` reads. */
export interface ParameterReader {
  /**
   * GetParameter of the latest version, or of `version`: the value as stored (a SecureString's stays encrypted)
   * and the type (`String`, `StringList`, `SecureString`). `name` may be an ARN. Rejects with SSM's error
   * (`ParameterNotFound`, `ParameterVersionNotFound`).
   */
  getParameter(name: string, version?: number): Promise<{ value: string; type: string }>;
}

/** The ports every service may call. Each is provided by the service that owns it, bound late. */
export interface Ports {
  readonly lambda: LambdaInvoker;
  readonly sqs: QueueSender;
  readonly stepFunctions: ExecutionStarter;
  readonly events: EventSender;
  readonly secretsManager: SecretReader;
  readonly ssm: ParameterReader;
}

/**
 * One CloudFormation resource after template resolution (src/template): every intrinsic resolved,
 * `AWS::NoValue` removed, names and ARNs stable (same template, same names).
 */
export interface ResolvedResource {
  /** The deployed stack name (`Stage-Stack` for a stack inside a Stage). */
  readonly stackName: string;
  readonly logicalId: string;
  /** The CloudFormation type, e.g. 'AWS::DynamoDB::Table'. */
  readonly type: string;
  /** What `Ref` returns for this resource: a name, an ARN, a queue URL or an id, as CloudFormation does. */
  readonly ref: string;
  /** The physical name (table name, function name, queue name, bus name...). */
  readonly physicalName: string;
  /** The resource's ARN, when it has one. */
  readonly arn?: string;
  /** What `Fn::GetAtt` returns, by attribute name ('Arn', 'StreamArn', 'QueueUrl'...). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The resolved `Properties`. */
  readonly properties: JsonObject;
  /** Absolute path of the local asset the resource deploys (a Lambda function's code folder). */
  readonly assetPath?: string;
  /**
   * Logical ids of the resources of its stack it waits for, as CloudFormation orders creation: its
   * `DependsOn` and the resources its properties reference (`Ref`, `Fn::GetAtt`, `Fn::Sub`).
   */
  readonly dependsOn?: readonly string[];
}

/** Structured JSON logging; fields land beside `msg` in one line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line carries these fields too (e.g. `{ service: 'sqs' }`). */
  child(fields: Record<string, unknown>): Logger;
}

/** What a service is told when it starts. */
export interface ServiceContext {
  /**
   * Every resolved resource of the types the plug-in declared (and owns), across all stacks, with its dynamic
   * references (`{{resolve:ssm:...}}`, `{{resolve:secretsmanager:...}}`) resolved as the service starts.
   */
  readonly resources: readonly ResolvedResource[];
  /**
   * Every resolved resource of every type, to read settings a service needs from resources it does not
   * emulate (Step Functions HTTP tasks read an `AWS::Events::Connection`'s authorization). Never for
   * emulating them: that belongs to their service. Absent in contexts built by hand in unit tests. Their
   * dynamic references (`{{resolve:...}}`) are left as written: resolve what you read
   * (`resolveDynamicReferences(resource, ports)`), as `resources` already are.
   */
  readonly allResources?: readonly ResolvedResource[];
  /** The other services, reached only through their entry points. Bound late: call them, don't cache. */
  readonly ports: Ports;
  readonly logger: Logger;
  /** The gateway's base URL, e.g. 'http://127.0.0.1:4566'. */
  readonly endpointUrl: string;
  readonly region: string;
  readonly accountId: string;
  /** A scratch folder of this instance (removed on stop), for services that keep files. */
  readonly dataDir: string;
}

/**
 * A route of the local cloud's own API, `GET /_local/<name>`: health, resources, function logs. Not an AWS
 * API: the CLI and the console read the running instance through these.
 */
export type LocalRoute = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/**
 * Values that only exist once a resource has been created, by the placeholder the template layer resolved in
 * their place (`Ref` and `Fn::GetAtt` of a custom resource: what its provider answered; src/template/late-values.ts).
 */
export type LateValues = ReadonlyMap<string, string>;

/** A started service: its API endpoint(s), the ports it offers the others, and how to stop it. */
export interface RunningService {
  readonly endpoints: readonly ServiceEndpoint[];
  /** Local routes by name (`'lambda-logs'` serves `/_local/lambda-logs`). */
  readonly localRoutes?: Readonly<Record<string, LocalRoute>>;
  /** Ports this service implements (the lambda service provides `lambda`, sqs provides `sqs`...). */
  readonly provides?: Partial<Ports>;
  /**
   * Called once every plug-in has started, its endpoints are served and every port is bound, in plug-in
   * order: work that needs the other services live (CloudFormation custom resources call functions that
   * write tables). A rejection fails the start and stops every service. It may settle late values, which
   * the stack outputs then show.
   */
  afterStart?(): Promise<LateValues | void>;
  stop(): Promise<void>;
}

/**
 * The plug-in point: one per emulated service. `LocalCloud` hands each plug-in the resolved resources
 * of the types it declares, serves its endpoints, and binds the ports it provides.
 *
 * @example
 * export const sqsService: ServicePlugin = {
 *   name: 'sqs',
 *   resourceTypes: ['AWS::SQS::Queue', 'AWS::Lambda::EventSourceMapping'],
 *   start: async (ctx) => {
 *     const engine = await startQueues(ctx.resources, ctx.ports.lambda);
 *     return { endpoints: [engine.endpoint], provides: { sqs: engine }, stop: () => engine.close() };
 *   },
 * };
 */
export interface ServicePlugin {
  /** Shown in logs and in the start-up report: 'lambda', 'dynamodb', 'sqs'... */
  readonly name: string;
  /**
   * The CloudFormation resource types this service emulates. An entry ending in '::' claims every type it
   * starts ('Custom::'), except the resources a plug-in claiming their exact type owns.
   */
  readonly resourceTypes: readonly string[];
  /**
   * For a type several services share, which of its resources are this plug-in's: an
   * `AWS::Lambda::EventSourceMapping` belongs to the service of its source (a queue to sqs, a table
   * stream to dynamodb). Absent: every resource of `resourceTypes` is. Every plug-in sharing a type needs it.
   * `all` is every resolved resource (LocalCloud passes it: a custom resource is run when its ServiceToken is a
   * function of the template).
   */
  owns?(resource: ResolvedResource, all?: readonly ResolvedResource[]): boolean;
  start(ctx: ServiceContext): Promise<RunningService>;
}
