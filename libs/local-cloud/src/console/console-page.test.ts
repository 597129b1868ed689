import { existsSync, mkdirSync } from 'node:fs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, startConsoleCloud, type ConsoleCloud } from './test-support';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOTS = new URL('../../.local-cloud/screenshots/', import.meta.url);

let demo: ConsoleCloud;
let browser: Browser;

beforeAll(async () => {
  // Never skipped: CI installs Debian's chromium (apt-get install -y chromium).
  if (!existsSync(CHROMIUM)) throw new Error(`The console's browser test needs Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  demo = await startConsoleCloud();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the console page', () => {
  it('shows an event as it arrives and, from its correlation id, the timeline of the workflow it started', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 1000 } });
    await page.goto(demo.consoleUrl);
    await page.getByText('Event stream connected.').waitFor();
    const events = new EventBridgeClient(clientConfig(demo.cloud));
    await events.send(
      new PutEventsCommand({
        Entries: [{ EventBusName: 'shop', Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify({ orderId: 'o-7', metadata: { correlation_id: 'c-browser-7' } }) }],
      }),
    );
    events.destroy();

    await page.getByRole('button', { name: 'c-browser-7' }).first().press('Enter');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.locator('li[data-kind="state"]').nth(2).waitFor();
    await page.getByText('SUCCEEDED').first().waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('console-timeline.png', SCREENSHOTS).pathname, fullPage: true });

    const steps = await timeline.locator('li').allTextContents();
    expect(steps[0]).toContain('OrderPlaced from shop.orders');
    expect(steps.filter((s) => s.startsWith('state')).map((s) => /fulfilment › (\w+)/.exec(s)?.[1])).toEqual(['ReserveStock', 'ShipOrder', 'Done']);
    expect(steps.some((s) => s.startsWith('delivery') && s.includes('delivered'))).toBe(true);
    await expect(page.getByRole('button', { name: 'Redrive payments-dlq to its source queues' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#flags-state').textContent()).resolves.toMatch(/^Not available: /);
  });
});
