import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, ServiceEndpoint } from '../../core/contracts';
import type { EngineResponse, ObjectEngine } from '../engine/object-engine';
import { S3Error, sendS3Error } from '../errors';
import type { ObjectEventNotifier } from '../notifications/object-events';
import { prepareRequest, type PreparedRequest } from './prepare-request';
import { locationConstraintXml, rejectUnsupported } from './subresources';

export interface S3EndpointDeps {
  readonly engine: ObjectEngine;
  /** Secret access keys by access key id, for presigned URLs. */
  readonly credentials: ReadonlyMap<string, string>;
  readonly region: string;
  readonly logger: Logger;
  readonly clock: () => Date;
  readonly notifier?: ObjectEventNotifier;
}

/** GetObject's `response-*` query parameters override these response headers. */
const RESPONSE_OVERRIDES: Readonly<Record<string, string>> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/**
 * The S3 REST API (signing name 's3'): both addressing styles, presigned URLs verified, uploads' checksums
 * verified, objects kept by the engine, S3's XML errors out.
 *
 * @example
 * gateway.register(makeS3Endpoint({ engine, credentials, region: 'us-east-1', logger, clock: () => new Date() }));
 */
export function makeS3Endpoint(deps: S3EndpointDeps): ServiceEndpoint {
  return {
    signingName: 's3',
    async handle(req, res, body) {
      try {
        await serve(deps, req, res, body);
      } catch (err) {
        if (!(err instanceof S3Error)) throw err;
        deps.logger.debug('request refused', { method: req.method, url: req.url, code: err.code });
        sendS3Error(req, res, err);
      }
    },
  };
}

async function serve(deps: S3EndpointDeps, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const request = prepareRequest(req, body, { credentials: deps.credentials, region: deps.region, now: deps.clock() });
  rejectUnsupported(request);
  if (isGetBucketLocation(request)) return await answerLocation(deps, req, res, request);
  const pending = await deps.notifier?.before(request);
  const response = engineErrorsAsS3(await deps.engine.send(request.engine));
  write(req, res, withOverrides(request, response));
  if (pending) await pending.after(response);
}

const isGetBucketLocation = (request: PreparedRequest): boolean =>
  request.method === 'GET' && request.address.key === undefined && request.query.some(([name]) => name === 'location');

async function answerLocation(deps: S3EndpointDeps, req: IncomingMessage, res: ServerResponse, request: PreparedRequest): Promise<void> {
  const head = await deps.engine.send({ method: 'HEAD', url: `/${encodeURIComponent(request.address.bucket ?? '')}`, headers: {}, body: Buffer.alloc(0) });
  if (head.status === 404) throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: request.address.bucket ?? '' });
  write(req, res, { status: 200, headers: { 'content-type': 'application/xml' }, body: Buffer.from(locationConstraintXml(deps.region)) });
}

/** The engine's own (non-S3) failures, such as its body limit, turned into S3 errors. */
function engineErrorsAsS3(response: EngineResponse): EngineResponse {
  const json = String(response.headers['content-type'] ?? '').includes('application/json');
  if (response.status < 400 || !json) return response;
  if (response.status === 413) {
    throw new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size: local-cloud takes at most 11 MiB per request (use a multipart upload)', 400);
  }
  if (response.status === 404) throw new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405);
  throw new S3Error('InternalError', `local-cloud's S3 engine failed: ${response.body.toString('utf8')}`, 500);
}

function withOverrides(request: PreparedRequest, response: EngineResponse): EngineResponse {
  if (request.method !== 'GET' || request.address.key === undefined || response.status >= 300) return response;
  const headers = { ...response.headers };
  for (const [name, value] of request.query) {
    const header = RESPONSE_OVERRIDES[name];
    if (header) headers[header] = value;
  }
  return { ...response, headers };
}

function write(req: IncomingMessage, res: ServerResponse, response: EngineResponse): void {
  // A HEAD response has no body but reports the object's length.
  const length = req.method === 'HEAD' ? (response.headers['content-length'] ?? 0) : response.body.length;
  res.writeHead(response.status, { ...response.headers, 'content-length': length });
  res.end(req.method === 'HEAD' ? undefined : response.body);
}
