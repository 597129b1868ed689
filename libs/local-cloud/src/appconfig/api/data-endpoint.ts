import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, ServiceEndpoint } from '../../core/contracts';
import type { AppConfigStore } from '../engine/config-store';
import type { ConfigurationSessions } from '../engine/configuration-sessions';
import { AppConfigApiError } from '../errors';
import { serveAgent } from './agent';

/**
 * AppConfig on the gateway (signing name `appconfig`, which the AppConfig Data client signs with): the
 * AppConfig Data REST API (`POST /configurationsessions`, `GET /configuration`) and, unsigned, the AppConfig
 * Agent's `/applications/...` interface. Errors are REST-JSON: `x-amzn-errortype` and `{ Message, ... }`.
 *
 * @example
 * gateway.register(makeAppConfigEndpoint(store, sessions, logger));
 */
export function makeAppConfigEndpoint(store: AppConfigStore, sessions: ConfigurationSessions, logger: Logger): ServiceEndpoint {
  return {
    signingName: 'appconfig',
    unsignedPathPrefixes: ['/applications/'],
    async handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
      try {
        if (await serveAgent(store, req, res)) return;
        const url = new URL(req.url ?? '/', 'http://local');
        if (req.method === 'POST' && url.pathname === '/configurationsessions') return startSession(sessions, body, res);
        if (req.method === 'GET' && url.pathname === '/configuration') return latestConfiguration(sessions, url, res);
        throw new AppConfigApiError('BadRequestException', 400, `local-cloud does not emulate ${req.method} ${url.pathname}: AppConfig Data and the agent interface only (see libs/local-cloud/src/appconfig/README.md)`);
      } catch (err) {
        const error = err instanceof AppConfigApiError ? err : new AppConfigApiError('InternalServerException', 500, (err as Error).message, {}, { cause: err });
        if (error.statusCode >= 500) logger.error('AppConfig request failed', { path: req.url, err });
        sendJson(res, error.statusCode, { Message: error.message, ...error.fields }, { 'x-amzn-errortype': error.type });
      }
    },
  };
}

function startSession(sessions: ConfigurationSessions, body: Buffer, res: ServerResponse): void {
  let request: Record<string, unknown>;
  try {
    request = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
  } catch (err) {
    throw new AppConfigApiError('BadRequestException', 400, 'The request body is not JSON', { Reason: 'InvalidParameters' }, { cause: err });
  }
  const identifier = (name: string) => {
    const value = request[name];
    if (typeof value !== 'string' || value.length === 0) throw new AppConfigApiError('BadRequestException', 400, `${name} is required`, { Reason: 'InvalidParameters' });
    return value;
  };
  const interval = request.RequiredMinimumPollIntervalInSeconds;
  const token = sessions.start({
    ApplicationIdentifier: identifier('ApplicationIdentifier'),
    EnvironmentIdentifier: identifier('EnvironmentIdentifier'),
    ConfigurationProfileIdentifier: identifier('ConfigurationProfileIdentifier'),
    ...(typeof interval === 'number' && { RequiredMinimumPollIntervalInSeconds: interval }),
  });
  sendJson(res, 201, { InitialConfigurationToken: token });
}

function latestConfiguration(sessions: ConfigurationSessions, url: URL, res: ServerResponse): void {
  const token = url.searchParams.get('configuration_token');
  if (!token) throw new AppConfigApiError('BadRequestException', 400, 'configuration_token is required', { Reason: 'InvalidParameters' });
  const latest = sessions.latest(token);
  res.writeHead(200, {
    'content-type': latest.contentType,
    'next-poll-configuration-token': latest.nextToken,
    'next-poll-interval-in-seconds': String(latest.nextPollIntervalSeconds),
    ...(latest.versionLabel && { 'version-label': latest.versionLabel }),
    'x-amzn-requestid': crypto.randomUUID(),
  });
  res.end(latest.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': crypto.randomUUID(), ...headers });
  res.end(JSON.stringify(body));
}
