import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthCustomResourcesApp } from '../../test-stacks/custom-resources/custom-resources-app';
import { LocalCloud } from '../core/local-cloud';
import { silentLogger } from '../core/logger';
import { harnessClientConfig } from '../core/plugin-harness';
import { defaultPlugins, type ServiceOptions } from '../services';

let cdkOut: string;

beforeAll(() => {
  cdkOut = synthCustomResourcesApp(mkdtempSync(join(tmpdir(), 'local-cloud-custom-resources-')));
});

afterAll(() => rmSync(cdkOut, { recursive: true, force: true }));

const start = (stage: string, options: ServiceOptions = {}) => LocalCloud.start({ assembly: cdkOut, stage, plugins: defaultPlugins(options), logger: silentLogger });

describe('a stack whose Lambda-backed custom resources seed a table', () => {
  let cloud: LocalCloud;
  let dynamodb: DynamoDBClient;
  const outputs = () => cloud.outputs()['Seeded-Seeds'] ?? {};
  const seeded = async (pk: string) =>
    (await dynamodb.send(new GetItemCommand({ TableName: String(outputs().TableName), Key: { pk: { S: pk } } }))).Item;

  beforeAll(async () => {
    cloud = await start('Seeded');
    dynamodb = new DynamoDBClient(harnessClientConfig(cloud.url));
  });

  afterAll(async () => {
    dynamodb?.destroy();
    await cloud?.stop();
  });

  it('has each custom resource created by its function before the start resolves', async () => {
    const first = await seeded('first');

    expect(first).toMatchObject({ requestType: { S: 'Create' }, resourceType: { S: 'Custom::Seed' } });
    expect(first?.stackId?.S).toMatch(/^arn:aws:cloudformation:us-east-1:000000000000:stack\/Seeded-Seeds\/[0-9a-f-]{36}$/);
  });

  it('hands the function its properties as strings, as CloudFormation does', async () => {
    const first = await seeded('first');

    expect(first?.count).toEqual({ S: '3' });
  });

  it('creates custom resources after those they reference or depend on, whatever the template order', async () => {
    const declared = cloud.resolved.resources.filter((r) => r.type === 'Custom::Seed').map((r) => r.logicalId);

    const [second, third] = await Promise.all([seeded('second'), seeded('third')]);

    expect(declared).toEqual(['Third', 'First', 'Second']);
    expect(second?.greeting).toEqual({ S: 'hello from first' });
    expect(third?.pk).toEqual({ S: 'third' });
  });

  it("shows a custom resource's answer in the outputs that read it", () => {
    expect(outputs()).toMatchObject({ FirstGreeting: 'hello from first', SecondId: 'seed-second' });
  });

  it('reports an SNS-backed custom resource as unsupported, with why', () => {
    expect(cloud.report).toContainEqual(expect.stringMatching(/^unsupported Custom::Notify x1: an SNS-backed custom resource/));
  });
});

describe('a custom resource that does not succeed', () => {
  it('fails the start with the Reason its function answered FAILED with', async () => {
    const starting = start('Failing');

    await expect(starting).rejects.toThrow(/Seeds: Seed \(Custom::Seed\) CREATE_FAILED: Received response status \[FAILED\] from custom resource\. Message returned: the seed data is invalid/);
  });

  it('fails the start with the error of a function that throws instead of answering', async () => {
    const starting = start('Crashing');

    await expect(starting).rejects.toThrow(/Seed \(Custom::Seed\) CREATE_FAILED: the function failed before answering: .*the seed function crashed/);
  });

  it('fails the start when no answer arrives within the configured wait', async () => {
    const starting = start('Silent', { cloudFormation: { responseTimeoutMs: 2000 } });

    await expect(starting).rejects.toThrow(/Seed \(Custom::Seed\) CREATE_FAILED: CloudFormation did not receive a response from your custom resource within 2 s/);
  });
});
