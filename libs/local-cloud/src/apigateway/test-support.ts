import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json, JsonObject, LambdaInvoker, ResolvedResource } from '../core/contracts';
import { Gateway } from '../core/gateway';
import { silentLogger } from '../core/logger';
import { makeLatePorts } from '../core/ports';
import { LambdaNotFoundError } from '../lambda/errors';
import { apiBaseUrl } from './endpoint';
import { apiGatewayPlugin, type ApiGatewayPluginOptions } from './plugin';

/** @internal The id the template loader gives the test API, and the account and region of the tests. */
export const API_ID = 'a1b2c3d4e5';
export const ACCOUNT_ID = '123456789012';
export const REGION = 'eu-west-2';

/** @internal A function ARN in the test account. */
export const functionArn = (name: string): string => `arn:aws:lambda:${REGION}:${ACCOUNT_ID}:function:${name}`;

/** @internal A resolved AWS::ApiGatewayV2::* resource of the test API, as src/template hands it over. */
export function apiResource(kind: 'Api' | 'Route' | 'Integration' | 'Stage' | 'Authorizer', ref: string, properties: JsonObject): ResolvedResource {
  const props = kind === 'Api' ? properties : { ApiId: API_ID, ...properties };
  return { stackName: 'Shop-Api', logicalId: ref, type: `AWS::ApiGatewayV2::${kind}`, ref, physicalName: ref, attributes: {}, properties: props };
}

/** @internal The resources of an HTTP API as CDK's HttpApi synthesizes them, with a `$default` stage. */
export const anHttpApi = (properties: JsonObject = {}, stage: JsonObject = {}): ResolvedResource[] => [
  apiResource('Api', API_ID, { Name: 'ShopApi', ProtocolType: 'HTTP', ...properties }),
  apiResource('Stage', 'ShopApiDefaultStage', { StageName: '$default', AutoDeploy: true, ...stage }),
];

/** @internal A Lambda proxy integration (payload 2.0 unless told) and a route to it. */
export function lambdaRoute(routeKey: string, fnName: string, route: JsonObject = {}, integration: JsonObject = {}): ResolvedResource[] {
  const ref = `Integration${fnName}${routeKey.replace(/[^A-Za-z0-9]/g, '')}`;
  return [
    apiResource('Integration', ref, { IntegrationType: 'AWS_PROXY', IntegrationUri: functionArn(fnName), PayloadFormatVersion: '2.0', ...integration }),
    apiResource('Route', `Route${ref}`, { RouteKey: routeKey, Target: `integrations/${ref}`, AuthorizationType: 'NONE', ...route }),
  ];
}

type Handler = (event: JsonObject) => Json | Promise<Json>;

/** @internal An in-memory LambdaInvoker: one handler per function name, every invocation recorded. */
export class FakeLambda implements LambdaInvoker {
  readonly invocations: Array<{ functionArn: string; event: JsonObject }> = [];

  constructor(private readonly handlers: Readonly<Record<string, Handler>>) {}

  async invoke(arn: string, payload: Json): Promise<Json> {
    const event = payload as JsonObject;
    this.invocations.push({ functionArn: arn, event });
    const handler = this.handlers[arn.split(':')[6] ?? ''];
    if (!handler) throw new LambdaNotFoundError(arn);
    return handler(event);
  }

  async invokeAsync(arn: string, payload: Json): Promise<void> {
    this.invocations.push({ functionArn: arn, event: payload as JsonObject });
  }

  /** The event of the last invocation. */
  get lastEvent(): JsonObject {
    const last = this.invocations.at(-1);
    if (!last) throw new Error('The function was not invoked');
    return last.event;
  }
}

/** @internal The API Gateway plug-in started on the resources, behind the core's gateway on 127.0.0.1. */
export interface ApiHarness {
  /** The API's base URL for a stage (`$default` by default). */
  url(stage?: string): string;
  /** The gateway's URL, where the plug-in's `/_local/*` routes are. */
  readonly gatewayUrl: string;
  close(): Promise<void>;
}

/** @internal */
export async function startApiHarness(
  resources: readonly ResolvedResource[],
  options: { lambda?: LambdaInvoker; servicesUrl?: string } & ApiGatewayPluginOptions = {},
): Promise<ApiHarness> {
  const { ports, provide } = makeLatePorts();
  if (options.lambda) provide({ lambda: options.lambda });
  const gateway = new Gateway({ logger: silentLogger });
  const gatewayUrl = await gateway.listen(0);
  const ctx = { resources, ports, logger: silentLogger, endpointUrl: options.servicesUrl ?? gatewayUrl, region: REGION, accountId: ACCOUNT_ID, dataDir: '/tmp' };
  const service = await apiGatewayPlugin(options).start(ctx);
  service.endpoints.forEach((endpoint) => gateway.register(endpoint));
  Object.entries(service.localRoutes ?? {}).forEach(([name, route]) => gateway.route(name, route));
  return {
    url: (stage) => apiBaseUrl(gatewayUrl, API_ID, stage),
    gatewayUrl,
    close: async () => {
      await service.stop();
      await gateway.close();
    },
  };
}

/** @internal A request an AWS service received, as the SDK sent it. */
export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: JsonObject;
}

/** @internal A stand-in AWS JSON-protocol endpoint on 127.0.0.1 that records requests and answers `reply`. */
export async function startRecordingService(reply: (request: RecordedRequest) => { status: number; body: JsonObject }): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = { path: req.url ?? '/', headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as JsonObject };
      requests.push(request);
      const { status, body } = reply(request);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'service-request-1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { url, requests, close };
}
