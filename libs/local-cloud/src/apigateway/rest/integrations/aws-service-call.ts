import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { LOCAL_CREDENTIALS } from '../../../core/endpoint-env';
import type { ApiResponse } from '../../http/api-response';

/** The AWS JSON protocol of each service an `AWS` integration may call by action: version and target prefix. */
export const SERVICE_PROTOCOLS: Readonly<Record<string, { readonly version: '1.0' | '1.1'; readonly target: string }>> =
  {
    states: { version: '1.0', target: 'AWSStepFunctions' },
    dynamodb: { version: '1.0', target: 'DynamoDB_20120810' },
    events: { version: '1.1', target: 'AWSEvents' },
  };

/** Calls one action of an AWS service with a request body as is, answering with the service's response as is. */
export type ServiceCall = (call: {
  service: string;
  action: string;
  region: string;
  body: string;
}) => Promise<ApiResponse>;

/**
 * Calls the local cloud's services as API Gateway calls AWS for an `AWS` integration: the rendered mapping
 * template is the request body, sent to the action with the service's JSON protocol (`X-Amz-Target`), signed
 * with SigV4 as the integration's role would sign it; the service's status, headers and body come back
 * untouched (an error is its status and `{"__type","message"}`), for the integration responses to select and map.
 *
 * @example
 * const call = makeServiceCall('http://127.0.0.1:4566');
 * await call({ service: 'states', action: 'StartExecution', region: 'us-east-1', body: '{"stateMachineArn":"..."}' });
 */
export function makeServiceCall(endpointUrl: string): ServiceCall {
  const url = new URL(endpointUrl);
  return async ({ service, action, region, body }) => {
    const protocol = SERVICE_PROTOCOLS[service];
    if (!protocol) throw new Error(`AWS integrations with ${service} actions are not emulated`);
    const headers = {
      host: url.host,
      'content-type': `application/x-amz-json-${protocol.version}`,
      'x-amz-target': `${protocol.target}.${action}`,
    };
    const signer = new SignatureV4({
      service,
      region,
      sha256: Sha256,
      credentials: {
        accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID,
        secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY,
      },
    });
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers,
      body,
    });
    const response = await fetch(new URL('/', url), { method: 'POST', headers: signed.headers, body });
    return {
      statusCode: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };
}

/** SHA-256 and HMAC-SHA-256 in the shape the signer takes (`new Sha256(secret?)`). */
class Sha256 {
  private readonly hash: Hash | Hmac;

  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }

  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }

  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }

  reset(): void {
    // The signer makes a new hash per digest; nothing to reset.
  }
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
