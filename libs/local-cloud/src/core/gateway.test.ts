import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServiceEndpoint } from './contracts';
import { Gateway } from './gateway';
import { silentLogger } from './logger';

const signed = (service: string) => ({ authorization: `AWS4-HMAC-SHA256 Credential=AKIA/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=abc` });

function echoEndpoint(signingName: string, unsignedPathPrefixes?: string[]): ServiceEndpoint {
  return {
    signingName,
    ...(unsignedPathPrefixes && { unsignedPathPrefixes }),
    async handle(req, res, body) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: signingName, path: req.url, body: body.toString() }));
    },
  };
}

let gateway: Gateway;
let url: string;

beforeEach(async () => {
  gateway = new Gateway({ logger: silentLogger });
  gateway.register(echoEndpoint('dynamodb'));
  gateway.register(echoEndpoint('sqs'));
  gateway.register(echoEndpoint('apigateway', ['/_aws/execute-api/']));
  url = await gateway.listen(0);
});
afterEach(() => gateway.close());

describe('Gateway', () => {
  it('listens on the loopback address only', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('routes a request by the signing name in its Authorization credential scope, with its body', async () => {
    const response = await fetch(url, { method: 'POST', headers: signed('sqs'), body: 'Action=ListQueues' });

    expect(await response.json()).toEqual({ service: 'sqs', path: '/', body: 'Action=ListQueues' });
  });

  it('routes a presigned URL by its X-Amz-Credential', async () => {
    const credential = encodeURIComponent('AKIA/20250101/us-east-1/dynamodb/aws4_request');

    const response = await fetch(`${url}/?X-Amz-Credential=${credential}&X-Amz-Signature=abc`);

    expect(((await response.json()) as { service: string }).service).toBe('dynamodb');
  });

  it('routes an unsigned request by a path prefix a service claims', async () => {
    const response = await fetch(`${url}/_aws/execute-api/abc123/prod/checkout`);

    expect(await response.json()).toMatchObject({ service: 'apigateway', path: '/_aws/execute-api/abc123/prod/checkout' });
  });

  it('answers an unknown service with a JSON AWS error naming the services it has', async () => {
    const response = await fetch(url, { method: 'POST', headers: { ...signed('kinesis'), 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });

    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnknownServiceException');
    expect(((await response.json()) as { message: string }).message).toBe("local-cloud does not emulate the 'kinesis' service; emulated: dynamodb, sqs, apigateway");
  });

  it('answers a query-protocol request for an unknown service with an XML error', async () => {
    const response = await fetch(url, { method: 'POST', headers: { ...signed('sns'), 'content-type': 'application/x-www-form-urlencoded' }, body: 'Action=ListTopics' });

    expect(await response.text()).toMatch(/<Code>UnknownServiceException<\/Code>/);
  });

  it('rejects an unsigned request no service claims', async () => {
    const response = await fetch(`${url}/anything`);

    expect(response.status).toBe(403);
  });

  it('serves its own routes under /_local/', async () => {
    gateway.route('health', (_req, res) => {
      res.end('ok');
    });

    const response = await fetch(`${url}/_local/health`);

    expect(await response.text()).toBe('ok');
  });
});
