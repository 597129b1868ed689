import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthDynamicReferencesApp, synthMissingSecretApp } from '../../test-stacks/e2e/dynamic-references-app';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import { eventually } from '../core/plugin-harness';
import { defaultPlugins } from '../services';
import { DynamicReferenceError } from '../template';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

/** What the payments sandbox received. */
interface Received {
  readonly method?: string;
  readonly url?: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let sandbox: Server;
let sandboxUrl: string;
const received: Received[] = [];
let e2e: E2eCloud;

/** The payment provider's sandbox: a local HTTP server that records each call and accepts it. */
async function startSandbox(): Promise<void> {
  sandbox = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ authorized: true }));
    });
  });
  await new Promise<void>((resolve) => sandbox.listen(0, '127.0.0.1', resolve));
  sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  await startSandbox();
  e2e = await startE2eCloud((outdir) => synthDynamicReferencesApp(outdir, sandboxUrl), 'Orders');
});

afterAll(async () => {
  await e2e?.stop();
  await new Promise((resolve) => sandbox?.close(resolve));
});

describe('a connection whose API key is a generated secret of another stack', () => {
  it('sends the secret Secrets Manager generated as x-api-key from a Standard workflow HTTP task', async () => {
    const [sfn, secrets] = [new SFNClient({}), new SecretsManagerClient({})];
    const secretArn = e2e.cloud.outputs().PaymentsSandbox?.ApiKeySecretArn;

    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: e2e.output('AuthorizePaymentsArn'), input: '{}' }));
    const execution = await eventually(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (described) => described.status !== 'RUNNING');
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: String(secretArn) }));
    [sfn, secrets].forEach((client) => client.destroy());

    expect(execution.status).toBe('SUCCEEDED');
    expect(SecretString).toHaveLength(40);
    expect(received).toEqual([expect.objectContaining({ method: 'POST', url: '/charges', body: JSON.stringify({ amount: 5000, currency: 'GBP' }) })]);
    expect(received[0]?.headers['x-api-key']).toBe(SecretString);
  });
});

describe('a function whose environment reads a parameter of another stack', () => {
  it('starts with the parameter values: whole (latest version), embedded in a longer value (version 1), by name (SSM parameter type)', async () => {
    const lambda = new LambdaClient({});

    const { Payload, FunctionError } = await lambda.send(new InvokeCommand({ FunctionName: e2e.output('ReadSettingsFunctionName') }));
    lambda.destroy();

    expect(FunctionError).toBeUndefined();
    expect(JSON.parse(Buffer.from(Payload ?? []).toString('utf8'))).toEqual({ sandboxUrl, chargesUrl: `${sandboxUrl}/charges`, currency: 'GBP' });
  });
});

describe('a reference to a secret no template creates', () => {
  it('fails the start naming the resource, the property and the reference', async () => {
    const cdkOut = synthMissingSecretApp(mkdtempSync(join(tmpdir(), 'local-cloud-e2e-')));

    const starting = LocalCloud.start({ assembly: cdkOut, plugins: defaultPlugins(), logger: silentLogger });

    await expect(starting).rejects.toThrow(DynamicReferenceError);
    await expect(starting).rejects.toThrow(
      /^Orders\/PaymentsConnection\w+ \(AWS::Events::Connection\) property AuthParameters\.ApiKeyAuthParameters\.ApiKeyValue: \{\{resolve:secretsmanager:payments\/not-created:SecretString:apiKey::\}\} cannot be resolved: ResourceNotFoundException/,
    );
    rmSync(cdkOut, { recursive: true, force: true });
  });
});
