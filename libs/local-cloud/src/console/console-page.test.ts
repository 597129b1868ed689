import { mkdirSync } from 'node:fs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, launchChromium, SCREENSHOTS, startConsoleCloud, type ConsoleCloud } from './test-support';

let demo: ConsoleCloud;
let browser: Browser;

beforeAll(async () => {
  demo = await startConsoleCloud();
  browser = await launchChromium();
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
