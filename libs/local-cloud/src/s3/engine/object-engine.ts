import type { IncomingHttpHeaders, OutgoingHttpHeader, OutgoingHttpHeaders } from 'node:http';
import { buildApp } from 'fauxqs';

/** A path-style S3 request as the engine takes it. */
export interface EngineRequest {
  readonly method: string;
  /** `/bucket/key?query`, percent-encoded. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface EngineResponse {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
}

/** Headers of the client's connection, not of the S3 request (inject sets its own). */
const REQUEST_ONLY = new Set(['host', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'expect', 'upgrade']);
/** Headers of inject's simulated connection, which the real server writes itself. */
const RESPONSE_ONLY = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);

/**
 * The object storage: fauxqs' S3 (buckets, objects, ListObjectsV2, CopyObject, multipart uploads, Range,
 * conditional requests, checksums) run in-process, reached by Fastify's `inject` rather than a socket.
 *
 * @example
 * const engine = await ObjectEngine.start();
 * await engine.send({ method: 'PUT', url: '/invoices', headers: {}, body: Buffer.alloc(0) });
 */
export class ObjectEngine {
  private constructor(private readonly app: ReturnType<typeof buildApp>) {}

  static async start(): Promise<ObjectEngine> {
    const app = buildApp({ logger: false });
    await app.ready();
    return new ObjectEngine(app);
  }

  async send(request: EngineRequest): Promise<EngineResponse> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined && !REQUEST_ONLY.has(name)) headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    // fauxqs reads a body only through a content-type parser; S3 stores this type when none is given.
    if (request.method === 'PUT' || request.method === 'POST') headers['content-type'] ??= 'binary/octet-stream';
    // A plain host keeps fauxqs from reading a bucket out of it: the URL is already path-style.
    headers.host = 'localhost';
    const response = await this.app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers,
      ...(request.body.length > 0 && { payload: request.body }),
    });
    const out: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && value !== null && !RESPONSE_ONLY.has(name)) out[name] = value as OutgoingHttpHeader;
    }
    return { status: response.statusCode, headers: out, body: response.rawPayload };
  }

  /** Creates a bucket (a template's bucket); an existing one is kept as it is. */
  async createBucket(name: string): Promise<void> {
    const response = await this.send({ method: 'PUT', url: `/${encodeURIComponent(name)}`, headers: {}, body: Buffer.alloc(0) });
    if (response.status !== 200) throw new Error(`fauxqs refused bucket '${name}': ${response.body.toString('utf8')}`);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
