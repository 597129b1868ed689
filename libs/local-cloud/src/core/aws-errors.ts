import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers with an AWS-shaped error the SDKs parse: XML (`<ErrorResponse>`) for query-protocol requests
 * (form-encoded bodies: SQS's legacy API, SNS, IAM), else JSON with `__type` and the `x-amzn-ErrorType` header.
 *
 * @example
 * sendAwsError(req, res, 400, 'UnknownServiceException', "local-cloud does not emulate 'kinesis'");
 */
export function sendAwsError(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string): void {
  const requestId = crypto.randomUUID();
  const form = String(req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
  const body = form
    ? `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
    : JSON.stringify({ __type: code, message, Message: message });
  res.writeHead(status, {
    'content-type': form ? 'text/xml' : 'application/x-amz-json-1.1',
    'x-amzn-errortype': code,
    'x-amzn-requestid': requestId,
  });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
