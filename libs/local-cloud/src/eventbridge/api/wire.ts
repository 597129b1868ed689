import type { ServerResponse } from 'node:http';
import { EventBridgeError } from '../errors';

const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Writes an AWS JSON 1.1 success response. */
export function sendResult(res: ServerResponse, requestId: string, result: unknown): void {
  send(res, 200, requestId, result ?? {});
}

/**
 * Writes an AWS JSON 1.1 error: `{"__type": "<Code>", "message": "…"}`, the shape the SDKs turn into
 * their named exception classes. Anything that is not an EventBridge error is an InternalException.
 */
export function sendError(res: ServerResponse, requestId: string, error: unknown): void {
  if (error instanceof EventBridgeError) {
    send(res, error.httpStatus, requestId, { __type: error.awsCode, message: error.message });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  send(res, 500, requestId, { __type: 'InternalException', message });
}

function send(res: ServerResponse, status: number, requestId: string, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}
