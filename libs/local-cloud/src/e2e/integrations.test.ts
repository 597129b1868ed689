import { AppConfigDataClient, GetLatestConfigurationCommand, StartConfigurationSessionCommand } from '@aws-sdk/client-appconfigdata';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKOUT_FLAGS, SANDBOX_API_KEY, synthIntegrationsApp } from '../../test-stacks/e2e/integrations-app';
import { eventually } from '../core/plugin-harness';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let sfn: SFNClient;

beforeAll(async () => {
  e2e = await startE2eCloud(synthIntegrationsApp, 'Integrations');
  sfn = new SFNClient({});
});

afterAll(async () => {
  sfn?.destroy();
  await e2e?.stop();
});

/** Waits for an execution to leave RUNNING and returns its description. */
const finished = (executionArn: string) =>
  eventually(() => sfn.send(new DescribeExecutionCommand({ executionArn })), (described) => described.status !== 'RUNNING');

describe('the start-up report', () => {
  it('names the service of every AppConfig, EventBridge and S3 resource and reports nothing unsupported', () => {
    const report = e2e.cloud.report;

    expect(report.filter((line) => line.startsWith('unsupported'))).toEqual([]);
    expect(report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^emulated\s+AWS::AppConfig::HostedConfigurationVersion x1: by appconfig$/),
        expect.stringMatching(/^emulated\s+AWS::Events::Connection x1: by eventbridge$/),
        expect.stringMatching(/^emulated\s+Custom::S3BucketNotifications x1: by s3$/),
      ]),
    );
  });
});

describe('an EventBridge rule with an input transformer and a Step Functions target', () => {
  it('starts the workflow with the input the transformer shapes from the event', async () => {
    const events = new EventBridgeClient({});
    const detail = { cart: { id: 'cart-7' }, customer: { id: 'c-42', email: 'ana@example.com' } };

    await events.send(new PutEventsCommand({ Entries: [{ Source: 'shop.storefront', DetailType: 'Checkout.CheckoutRequested', Detail: JSON.stringify(detail) }] }));

    const list = () => sfn.send(new ListExecutionsCommand({ stateMachineArn: e2e.output('CheckoutWorkflowArn') }));
    const { executions = [] } = await eventually(list, (listed) => (listed.executions ?? []).length > 0);
    const execution = await finished(executions[0]?.executionArn ?? '');
    events.destroy();
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.input ?? '{}')).toEqual({ cartId: 'cart-7', customerId: 'c-42', requestedBy: 'shop.storefront' });
  });
});

describe('a Step Functions HTTP task with an EventBridge connection', () => {
  it("calls the API with the API key the connection keeps in Secrets Manager", async () => {
    const secrets = new SecretsManagerClient({});
    const connectionId = e2e.output('PaymentsConnectionArn').split(':connection/')[1];

    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: e2e.output('PaymentsWorkflowArn'), input: '{}' }));

    const execution = await finished(executionArn ?? '');
    const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: `events!connection/${connectionId}` }));
    secrets.destroy();
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output ?? '{}')).toMatchObject({ StatusCode: 200, ResponseBody: { apiKey: SANDBOX_API_KEY, path: '/charges' } });
    expect(JSON.parse(SecretString ?? '{}')).toMatchObject({ AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyValue: SANDBOX_API_KEY } } });
  });
});

describe('AppConfig feature flags', () => {
  it('serves the deployed flags through AppConfig Data and a flag changed by the admin interface on the next poll', async () => {
    const appConfig = new AppConfigDataClient({});
    const [app, env, profile] = [e2e.output('ApplicationId'), e2e.output('EnvironmentId'), e2e.output('ConfigurationProfileId')];
    const session = await appConfig.send(
      new StartConfigurationSessionCommand({ ApplicationIdentifier: app, EnvironmentIdentifier: env, ConfigurationProfileIdentifier: profile }),
    );
    const first = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: session.InitialConfigurationToken }));

    const change = await fetch(`${e2e.cloud.url}/_local/appconfig/applications/${app}/environments/${env}/configurations/${profile}/flags/checkout`, {
      method: 'PUT',
      body: JSON.stringify({ enabled: false }),
    });
    const next = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: first.NextPollConfigurationToken }));

    appConfig.destroy();
    expect(JSON.parse(new TextDecoder().decode(first.Configuration))).toEqual(CHECKOUT_FLAGS.values);
    expect(change.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(next.Configuration))).toEqual({ checkout: { enabled: false, limit: 5 } });
  });
});

describe('an S3 bucket a function writes to', () => {
  it('serves the object through a presigned GET and tells EventBridge it was created', async () => {
    const [lambda, s3, sqs] = [new LambdaClient({}), new S3Client({}), new SQSClient({})];
    const bucket = e2e.output('BucketName');

    const invoked = await lambda.send(
      new InvokeCommand({ FunctionName: e2e.output('WriteInvoiceFunctionName'), Payload: JSON.stringify({ invoiceId: 'inv-1', customer: 'Ana', amount: 5000 }) }),
    );
    const { key } = JSON.parse(new TextDecoder().decode(invoked.Payload)) as { key: string };
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });
    const download = await fetch(url);
    const receive = () => sqs.send(new ReceiveMessageCommand({ QueueUrl: e2e.output('ObjectEventsQueueUrl'), WaitTimeSeconds: 1 }));
    const { Messages = [] } = await eventually(receive, (received) => (received.Messages ?? []).length > 0, 20);

    [lambda, s3, sqs].forEach((client) => client.destroy());
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('Invoice inv-1 for Ana: 50.00 GBP');
    expect(JSON.parse(Messages[0]?.Body ?? '{}')).toMatchObject({ source: 'aws.s3', 'detail-type': 'Object Created', detail: { bucket: { name: bucket }, object: { key } } });
  });

  it("refuses the same aws.s3 source from a caller of PutEvents, as only S3 may publish it", async () => {
    const events = new EventBridgeClient({});

    const result = await events.send(new PutEventsCommand({ Entries: [{ Source: 'aws.s3', DetailType: 'Object Created', Detail: '{}' }] }));

    events.destroy();
    expect(result.Entries).toEqual([{ ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' }]);
  });
});
