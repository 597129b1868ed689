import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * An S3 error response: `code` is S3's error code (`NoSuchKey`, `SignatureDoesNotMatch`), `status` the HTTP
 * status, `details` extra elements of the `<Error>` document (`Resource`, `StringToSign`...).
 */
export class S3Error extends Error {
  override readonly name = 'S3Error';

  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Readonly<Record<string, string>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Answers with S3's XML error document (no body for HEAD, as S3 does).
 *
 * @example
 * sendS3Error(req, res, new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: 'x' }));
 */
export function sendS3Error(req: IncomingMessage, res: ServerResponse, error: S3Error): void {
  const requestId = randomUUID().replaceAll('-', '').slice(0, 16).toUpperCase();
  const elements = { Code: error.code, Message: error.message, ...error.details, RequestId: requestId };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${Object.entries(elements)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('')}</Error>`;
  res.writeHead(error.status, { 'content-type': 'application/xml', 'x-amz-request-id': requestId, 'content-length': Buffer.byteLength(xml) });
  res.end(req.method === 'HEAD' ? undefined : xml);
}

/** @internal */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
