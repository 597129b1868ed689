import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Json } from '../../core/contracts';
import type { DynamoDbApiError } from '../errors';
import type { HandlerResult } from './context';

/** Writes a handler's result with the headers AWS sends (the AWS CLI checks x-amz-crc32 on DynamoDB replies). */
export function writeResult(res: ServerResponse, result: HandlerResult): void {
  if ('json' in result) {
    writeBody(res, 200, Buffer.from(JSON.stringify(result.json)));
    return;
  }
  writeBody(res, result.status, result.body, result.crc32);
}

export function writeError(res: ServerResponse, error: DynamoDbApiError): void {
  writeBody(res, error.status, Buffer.from(JSON.stringify(error.toBody() satisfies Record<string, Json>)));
}

function writeBody(res: ServerResponse, status: number, body: Buffer, checksum?: string): void {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.0',
    'content-length': body.length,
    'x-amz-crc32': checksum ?? String(crc32(body)),
    'x-amzn-requestid': randomBytes(39).toString('base64url').toUpperCase().slice(0, 52),
  });
  res.end(body);
}
