import type { Json, JsonObject } from '../../core/contracts';
import { StatesError } from '../asl/errors';
import { SDK_SERVICES } from './resource';
import type { IntegrationDeps } from './types';

interface SdkClient {
  send(command: unknown): Promise<Record<string, unknown>>;
}
type SdkModule = Record<string, unknown>;

/** The AWS SDK v3 client package and class of each service SDK integrations reach. */
const CLIENTS: Record<string, { load: () => Promise<SdkModule>; client: string }> = {
  dynamodb: { load: () => import('@aws-sdk/client-dynamodb'), client: 'DynamoDBClient' },
  eventbridge: { load: () => import('@aws-sdk/client-eventbridge'), client: 'EventBridgeClient' },
  sqs: { load: () => import('@aws-sdk/client-sqs'), client: 'SQSClient' },
  sfn: { load: () => import('@aws-sdk/client-sfn'), client: 'SFNClient' },
  lambda: { load: () => import('@aws-sdk/client-lambda'), client: 'LambdaClient' },
};

/**
 * Services whose API members are camelCase (`executionArn`). Step Functions' SDK integrations take and give
 * PascalCase names for every service (`ExecutionArn`), so these are translated both ways.
 */
const CAMEL_CASE_SERVICES = new Set(['sfn']);

const clients = new Map<string, SdkClient>();

/**
 * Calls one AWS API through the real AWS SDK v3 client pointed at the local cloud's gateway, as Step
 * Functions calls the service. An API error becomes `<prefix>.<ExceptionName>` (`DynamoDb.ConditionalCheckFailedException`
 * for `aws-sdk:dynamodb`, `DynamoDB.…` for the optimized integration), with the message as cause.
 *
 * @example
 * await callAws(deps, 'dynamodb', 'getItem', { TableName: 't', Key: { pk: { S: '1' } } }, 'DynamoDB');
 */
export async function callAws(
  deps: IntegrationDeps,
  service: string,
  action: string,
  parameters: Json,
  errorPrefix = SDK_SERVICES[service]!,
): Promise<Json> {
  const spec = CLIENTS[service]!;
  const module = await spec.load();
  const Command = module[`${action[0]!.toUpperCase()}${action.slice(1)}Command`] as
    (new (input: unknown) => unknown) | undefined;
  if (!Command)
    throw new StatesError(`${errorPrefix}.InvalidActionException`, `The ${service} API has no action '${action}'`);
  const client = clientFor(deps, service, module, spec.client);
  try {
    const camel = CAMEL_CASE_SERVICES.has(service);
    const input = camel ? renameKeys(parameters ?? {}, (key) => key[0]!.toLowerCase() + key.slice(1)) : parameters;
    const output = await client.send(new Command(input ?? {}));
    const { $metadata: _metadata, ...rest } = output;
    const json = toJson(rest);
    return camel ? renameKeys(json, (key) => key[0]!.toUpperCase() + key.slice(1)) : json;
  } catch (err) {
    const name = err instanceof Error ? err.name : 'SdkClientException';
    const known = err instanceof Error && '$metadata' in err;
    throw new StatesError(
      `${errorPrefix}.${known ? name : 'SdkClientException'}`,
      err instanceof Error ? err.message : String(err),
    );
  }
}

function clientFor(deps: IntegrationDeps, service: string, module: SdkModule, className: string): SdkClient {
  const key = `${service} ${deps.endpointUrl} ${deps.region}`;
  let client = clients.get(key);
  if (!client) {
    const Client = module[className] as new (config: unknown) => SdkClient;
    // The local cloud checks no signature; the SDK still needs credentials to sign with.
    const credentials = { accessKeyId: 'local-cloud', secretAccessKey: 'local-cloud' };
    client = new Client({ endpoint: deps.endpointUrl, region: deps.region, credentials, maxAttempts: 1 });
    clients.set(key, client);
  }
  return client;
}

/** Renames every object key, at every depth (values, strings included, are left as they are). */
function renameKeys(value: Json, rename: (key: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key ? rename(key) : key, renameKeys(item, rename)]),
  );
}

/** SDK output as JSON: binary as Base64, dates as ISO text, undefined dropped. */
export function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Set) return [...value].map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = toJson(item);
    return out;
  }
  if (typeof value === 'bigint') return Number(value);
  return value as Json;
}
