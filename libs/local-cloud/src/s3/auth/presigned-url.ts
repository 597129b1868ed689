import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { S3Error } from '../errors';
import { canonicalHeaderValue, canonicalQuery, hmacHex, sha256Hex, signingKey, uriDecode, uriEncode } from './sigv4';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_EXPIRES_SECONDS = 604_800;
/** Clients on another clock may sign a little in the future; beyond this a URL is "not valid yet". */
const CLOCK_SKEW_MS = 15 * 60_000;
const REQUIRED = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Expires'] as const;
type AuthParameters = Record<(typeof REQUIRED)[number], string> & { readonly 'X-Amz-Content-Sha256'?: string };

/** The query parameters of query-string authentication itself, as opposed to hoisted headers. */
export const AUTH_QUERY_PARAMETERS: ReadonlySet<string> = new Set<string>([...REQUIRED, 'X-Amz-Security-Token', 'X-Amz-Content-Sha256']);

/** A request as it arrived, before any rewriting: the signature covers exactly this. */
export interface PresignedRequest {
  readonly method: string;
  /** The path as sent, still percent-encoded. */
  readonly rawPath: string;
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly headers: IncomingHttpHeaders;
}

export interface PresignPolicy {
  /** Secret access keys by access key id: the credentials the local cloud hands its clients. */
  readonly credentials: ReadonlyMap<string, string>;
  readonly region: string;
  readonly now: Date;
}

/**
 * Whether the request authenticates with a presigned URL (SigV4 query parameters).
 *
 * @example
 * isPresigned(parseQuery('X-Amz-Credential=...&X-Amz-Signature=...')); // true
 */
export function isPresigned(query: ReadonlyArray<readonly [string, string]>): boolean {
  return query.some(([name]) => name === 'X-Amz-Signature' || name === 'X-Amz-Credential');
}

/**
 * Verifies a presigned URL as S3 does: the parameters, the expiry (`X-Amz-Date` + `X-Amz-Expires`), the access
 * key, and the SigV4 signature recomputed with that key's secret. Throws the S3Error S3 would answer.
 *
 * @example
 * verifyPresignedRequest({ method: 'GET', rawPath: '/bucket/key', query, headers: req.headers },
 *   { credentials: new Map([['AKIA...', 'secret']]), region: 'us-east-1', now: new Date() });
 */
export function verifyPresignedRequest(request: PresignedRequest, policy: PresignPolicy): void {
  const params = authParameters(request.query);
  if (params['X-Amz-Algorithm'] !== ALGORITHM) throw queryError(`X-Amz-Algorithm only supports "${ALGORITHM}"`);
  const amzDate = params['X-Amz-Date'];
  const scope = parseCredential(params['X-Amz-Credential'], amzDate, policy.region);
  checkExpiry(amzDate, params['X-Amz-Expires'], policy.now);
  const secret = policy.credentials.get(scope.accessKeyId);
  if (secret === undefined) {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, { AWSAccessKeyId: scope.accessKeyId });
  }
  checkSignature(request, params, { ...scope, amzDate, secret });
}

function authParameters(query: ReadonlyArray<readonly [string, string]>): AuthParameters {
  const params = new Map(query);
  const found: Partial<Record<string, string>> = {};
  for (const name of [...REQUIRED, 'X-Amz-Content-Sha256']) {
    const value = params.get(name);
    if (value !== undefined) found[name] = value;
  }
  if (REQUIRED.some((name) => found[name] === undefined)) {
    throw queryError(`Query-string authentication version 4 requires the ${REQUIRED.slice(0, -1).join(', ')}, and X-Amz-Expires parameters.`);
  }
  return found as AuthParameters;
}

interface Scope {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
}

function parseCredential(credential: string, amzDate: string, region: string): Scope {
  const [accessKeyId, date, scopeRegion, service, terminator, ...rest] = credential.split('/');
  if (!accessKeyId || !date || !scopeRegion || !service || terminator !== 'aws4_request' || rest.length > 0) {
    throw queryError(`Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".`);
  }
  if (date !== amzDate.slice(0, 8)) throw queryError('Invalid credential date. Date is not the same as X-Amz-Date.');
  if (scopeRegion !== region) {
    throw queryError(`Error parsing the X-Amz-Credential parameter; the region '${scopeRegion}' is wrong; expecting '${region}'`, { Region: region });
  }
  if (service !== 's3') throw queryError(`Error parsing the X-Amz-Credential parameter; incorrect service "${service}". This endpoint belongs to "s3".`);
  return { accessKeyId, date, region: scopeRegion };
}

function checkExpiry(amzDate: string, expiresParam: string, now: Date): void {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!match) throw queryError('X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd\'T\'HHmmss\'Z\'"');
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const signedAt = Date.UTC(y, mo - 1, d, h, mi, s);
  if (!/^\d+$/.test(expiresParam)) throw queryError('X-Amz-Expires should be a number');
  const expires = Number(expiresParam);
  if (expires > MAX_EXPIRES_SECONDS) throw queryError(`X-Amz-Expires must be less than a week (in seconds) that is; ${MAX_EXPIRES_SECONDS}`);
  if (signedAt - CLOCK_SKEW_MS > now.getTime()) throw new S3Error('AccessDenied', 'Request is not valid yet', 403);
  const expiresAt = signedAt + expires * 1000;
  if (now.getTime() > expiresAt) {
    throw new S3Error('AccessDenied', 'Request has expired', 403, {
      'X-Amz-Expires': String(expires),
      Expires: new Date(expiresAt).toISOString(),
      ServerTime: now.toISOString(),
    });
  }
}

function checkSignature(request: PresignedRequest, params: AuthParameters, scope: Scope & { amzDate: string; secret: string }): void {
  const signedHeaders = params['X-Amz-SignedHeaders'];
  const canonicalRequest = [
    request.method,
    canonicalUri(request.rawPath),
    canonicalQuery(request.query.filter(([name]) => name !== 'X-Amz-Signature')),
    `${signedHeaders.split(';').map((name) => `${name}:${canonicalHeaderValue(request.headers[name])}`).join('\n')}\n`,
    signedHeaders,
    // Presigned URLs never sign the body.
    params['X-Amz-Content-Sha256'] ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const credentialScope = `${scope.date}/${scope.region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, scope.amzDate, credentialScope, sha256Hex(canonicalRequest)].join('\n');
  const expected = hmacHex(signingKey(scope.secret, scope.date, scope.region, 's3'), stringToSign);
  const provided = params['X-Amz-Signature'];
  if (provided.length !== expected.length || !timingSafeEqual(Buffer.from(provided), Buffer.from(expected))) {
    throw new S3Error('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403, {
      AWSAccessKeyId: scope.accessKeyId,
      StringToSign: stringToSign,
      SignatureProvided: provided,
      CanonicalRequest: canonicalRequest,
    });
  }
}

/** S3 signs the path encoded once, segment by segment. */
const canonicalUri = (rawPath: string): string =>
  rawPath.split('/').map((segment) => uriEncode(uriDecode(segment), { keepSlash: false })).join('/');

const queryError = (message: string, details: Record<string, string> = {}): S3Error => new S3Error('AuthorizationQueryParametersError', message, 400, details);
