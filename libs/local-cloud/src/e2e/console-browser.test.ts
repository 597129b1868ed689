import { mkdirSync } from 'node:fs';
import { AppConfigDataClient, GetLatestConfigurationCommand, StartConfigurationSessionCommand } from '@aws-sdk/client-appconfigdata';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { synthConsoleApp } from '../../test-stacks/e2e/console-app';
import { launchChromium, SCREENSHOTS } from '../console/test-support';
import { startE2eCloud, type E2eCloud } from './e2e-cloud';

let e2e: E2eCloud;
let browser: Browser;
let openPage: Page | undefined;

beforeAll(async () => {
  e2e = await startE2eCloud(synthConsoleApp, 'Console');
  browser = await launchChromium();
});

// A page polls the console every 1.5 s: one at a time on a small machine.
afterEach(async () => {
  await openPage?.close();
  openPage = undefined;
});

afterAll(async () => {
  await browser?.close();
  await e2e?.stop();
});

async function openConsole(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
  openPage = page;
  page.setDefaultTimeout(25_000);
  await page.goto(`${e2e.cloud.url}/_local/console/`);
  return page;
}

const flagsOf = (configuration: Uint8Array | undefined): unknown => JSON.parse(new TextDecoder().decode(configuration));

describe('the console on a synthesized stack, in Chromium', () => {
  it('turns a feature flag off with its toggle, and AppConfig Data serves it off on the next poll', async () => {
    const appConfig = new AppConfigDataClient({});
    const ids = { ApplicationIdentifier: e2e.output('ApplicationId'), EnvironmentIdentifier: e2e.output('EnvironmentId'), ConfigurationProfileIdentifier: e2e.output('ConfigurationProfileId') };
    const session = await appConfig.send(new StartConfigurationSessionCommand(ids));
    const before = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: session.InitialConfigurationToken }));
    const page = await openConsole();
    const toggle = page.getByRole('checkbox', { name: 'expressShipping' });
    const wasChecked = await toggle.isChecked();

    await toggle.uncheck();

    await page.getByText(/^expressShipping is now off in dev \(version \d+\)\.$/).waitFor();
    const after = await appConfig.send(new GetLatestConfigurationCommand({ ConfigurationToken: before.NextPollConfigurationToken }));
    appConfig.destroy();
    expect(wasChecked).toBe(true);
    expect(flagsOf(before.Configuration)).toEqual({ expressShipping: { enabled: true } });
    expect(flagsOf(after.Configuration)).toEqual({ expressShipping: { enabled: false } });
  });

  it("shows a function's invocation as a cold start with its init duration, and its log lines", async () => {
    const lambda = new LambdaClient({});
    const name = e2e.output('ReadFlagsFunctionName');
    const page = await openConsole();
    await page.getByText('Invocation stream connected.').waitFor();

    await lambda.send(new InvokeCommand({ FunctionName: name }));
    await page.getByRole('button', { name, exact: true }).click();

    lambda.destroy();
    const invocation = page.locator('#events tr[data-kind="invocation"]', { hasText: name });
    const logs = page.getByLabel(`Log lines of ${name}`);
    await invocation.waitFor();
    await logs.getByText(/feature flags read/).waitFor();
    expect(await invocation.textContent()).toMatch(/\(invoke\)ok, [\d.]+ ms, cold start, init [\d.]+ ms/);
    expect(await page.locator('#function-logs p').textContent()).toMatch(/^1 cold start\(s\); init \d+(\.\d+)? ms$/);
    expect(await logs.textContent()).toMatch(/START RequestId: [\s\S]*feature flags read[\s\S]*REPORT RequestId: .*Init Duration: [\d.]+ ms/);
  });

  it("follows an API request through its function, the event it put, the queue's consumer and the workflow on one correlation id's timeline", async () => {
    const page = await openConsole();
    for (const stream of ['Event stream', 'Invocation stream', 'API request stream']) await page.getByText(`${stream} connected.`).waitFor();

    const response = await fetch(`${e2e.output('ApiUrl')}/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"sku":"TEE-M"}' });
    const correlationId = response.headers.get('x-correlation-id') ?? '';
    await page.getByRole('textbox', { name: 'Correlation id' }).fill(correlationId);
    await page.getByRole('button', { name: 'Show timeline' }).click();

    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.locator('li').nth(8).waitFor();
    await timeline.locator('li[data-kind="execution"]', { hasText: 'SUCCEEDED' }).waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('console-request-timeline.png', SCREENSHOTS).pathname, fullPage: true });
    const steps = await timeline.locator('li').evaluateAll((items) => items.map((li) => ({ kind: li.getAttribute('data-kind'), text: li.textContent ?? '' })));
    const consumer = steps.find((step) => step.text.includes('ShipOrderFunction'));
    expect(response.status).toBe(201);
    expect(steps.map((step) => step.kind).sort()).toEqual(['delivery', 'delivery', 'event', 'execution', 'invocation', 'invocation', 'request', 'state', 'state']);
    expect(steps.slice(0, 3).map((step) => step.kind)).toEqual(['request', 'invocation', 'event']);
    expect(steps[0]?.text).toContain('POST /orders → 201');
    expect(steps[1]?.text).toMatch(/PlaceOrderFunction\S* \(apigateway\) — ok, [\d.]+ ms, cold start \(init [\d.]+ ms\)/);
    expect(steps[2]?.text).toContain('Order.OrderPlaced from shop.orders');
    expect(consumer?.text).toMatch(/ShipOrderFunction\S* \(sqs\) — ok, [\d.]+ ms, cold start \(init [\d.]+ ms\); from arn:aws:sqs:/);
    expect(steps.filter((step) => step.kind === 'state').map((step) => /FulfilOrder\S* › (\w+)/.exec(step.text)?.[1])).toEqual(['ReserveStock', 'Fulfilled']);
  }, 60_000);
});
