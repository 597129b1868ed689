import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { AUTH_QUERY_PARAMETERS, isPresigned, verifyPresignedRequest, type PresignPolicy } from '../auth/presigned-url';
import { parseQuery, uriEncode } from '../auth/sigv4';
import type { EngineRequest } from '../engine/object-engine';
import { toPathStyle, type S3Address } from './addressing';
import { decodeAwsChunked } from './aws-chunked';
import { assertIntegrity } from './checksums';

/** A request checked and rewritten for the engine: authenticated, path-style, headers hoisted, body verified. */
export interface PreparedRequest {
  readonly method: string;
  readonly address: S3Address;
  /** Query pairs that name the operation (`uploads`, `list-type`, `response-content-type`...), auth removed. */
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly engine: EngineRequest;
}

/**
 * Checks one S3 request and rewrites it for the engine: verifies a presigned URL's signature and expiry, turns
 * virtual-hosted-style into path-style, moves headers a presigned URL carries as `x-amz-*` query parameters
 * back into headers (as S3 reads them), and verifies an upload's checksums. Throws S3Error.
 *
 * @example
 * const prepared = prepareRequest(req, body, { credentials, region: 'us-east-1', now: new Date() });
 * await engine.send(prepared.engine);
 */
export function prepareRequest(req: IncomingMessage, body: Buffer, policy: PresignPolicy): PreparedRequest {
  const method = req.method ?? 'GET';
  const rawUrl = req.url ?? '/';
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart < 0 ? rawUrl : rawUrl.slice(0, queryStart);
  const allPairs = parseQuery(queryStart < 0 ? '' : rawUrl.slice(queryStart + 1));
  const presigned = isPresigned(allPairs);
  if (presigned) verifyPresignedRequest({ method, rawPath, query: allPairs, headers: req.headers }, policy);
  const address = toPathStyle(req.headers.host, rawPath);
  const hoisted = presigned ? hoistedHeaders(allPairs) : {};
  const query = presigned ? allPairs.filter(([name]) => !(name.toLowerCase() in hoisted) && !AUTH_QUERY_PARAMETERS.has(name)) : allPairs;
  const headers: IncomingHttpHeaders = { ...req.headers, ...hoisted };
  if (isUpload(method, address, query, headers)) verifyUpload(body, headers);
  const search = query.map(([name, value]) => `${uriEncode(name, { keepSlash: false })}=${uriEncode(value, { keepSlash: false })}`).join('&');
  return { method, address, query, engine: { method, url: search ? `${address.path}?${search}` : address.path, headers, body } };
}

/** Presigners move signed `x-amz-*` headers into the query (`x-amz-meta-*`, `x-amz-checksum-crc32`). */
function hoistedHeaders(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of pairs) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-') && !AUTH_QUERY_PARAMETERS.has(name)) headers[lower] = value;
  }
  return headers;
}

/** PutObject and UploadPart carry the object's bytes; copies and other PUTs do not. */
function isUpload(method: string, address: S3Address, query: ReadonlyArray<readonly [string, string]>, headers: IncomingHttpHeaders): boolean {
  if (method !== 'PUT' || address.key === undefined || headers['x-amz-copy-source'] !== undefined) return false;
  const names = new Set(query.map(([name]) => name));
  const subresource = ['tagging', 'acl', 'retention', 'legal-hold', 'renameObject'].some((name) => names.has(name));
  return !subresource && (!names.has('uploadId') || names.has('partNumber'));
}

function verifyUpload(body: Buffer, headers: IncomingHttpHeaders): void {
  const chunked = String(headers['content-encoding'] ?? '').includes('aws-chunked');
  const { body: data, trailers } = chunked ? decodeAwsChunked(body) : { body, trailers: {} };
  const declared: Record<string, string> = { ...trailers };
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string' && (name === 'content-md5' || name.startsWith('x-amz-checksum-'))) declared[name] ??= value;
  }
  if (!chunked && typeof headers['x-amz-content-sha256'] === 'string') declared['x-amz-content-sha256'] = headers['x-amz-content-sha256'];
  assertIntegrity(data, declared);
}
