import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRoute } from '../core/contracts';

/** The local route (`/_local/<name>/<token>`) that stands in for CloudFormation's presigned S3 response URLs. */
export const RESPONSE_ROUTE = 'cloudformation-responses';

/** One ResponseURL handed to a provider, and the first body PUT to it. */
export interface OpenResponse {
  readonly url: string;
  readonly body: Promise<Buffer>;
  /** Forgets the URL: a later PUT gets 403, as an expired presigned URL. */
  close(): void;
}

/**
 * The ResponseURLs of custom resource requests. In AWS a ResponseURL is a presigned S3 URL; locally it is
 * `<gateway>/_local/cloudformation-responses/<token>`, the token random and unguessable. A provider PUTs its
 * JSON answer there; the first body is the answer (later PUTs are accepted and ignored, as CloudFormation
 * reads the answer once).
 *
 * @example
 * const inbox = new ResponseInbox(ctx.endpointUrl);
 * gateway.route(RESPONSE_ROUTE, inbox.route);
 * const response = inbox.open();
 * await lambda.invoke(functionArn, { ResponseURL: response.url, ... });
 * const body = await response.body;
 */
export class ResponseInbox {
  private readonly waiting = new Map<string, (body: Buffer) => void>();

  constructor(private readonly endpointUrl: string) {}

  open(): OpenResponse {
    const token = randomBytes(24).toString('base64url');
    const body = new Promise<Buffer>((resolve) => this.waiting.set(token, resolve));
    return { url: `${this.endpointUrl}/_local/${RESPONSE_ROUTE}/${token}`, body, close: () => this.waiting.delete(token) };
  }

  readonly route: LocalRoute = async (req, res, url) => {
    const deliver = this.waiting.get(url.pathname.split('/')[3] ?? '');
    if (req.method !== 'PUT') return answer(res, 405, 'MethodNotAllowed', 'A response is PUT to its ResponseURL');
    if (!deliver) return answer(res, 403, 'AccessDenied', 'Request has expired or the ResponseURL is unknown');
    deliver(await readBody(req));
    res.writeHead(200, { 'content-length': '0' });
    res.end();
  };

  /** Forgets every URL (the local cloud stops). */
  close(): void {
    this.waiting.clear();
  }
}

/** An error shaped as S3 answers a presigned PUT. */
function answer(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
