import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CloudAssembly } from '@shop/local-cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventDefinitions } from '@shop/events';
import { architectureSections, ARCHITECTURE_DOC, currentArchitectureDoc } from './architecture';
import { busRules, eventFlows } from './event-flow';
import { REPO_ROOT, synthesizeTemplates } from './synth-templates';

let outdir: string;
let assembly: CloudAssembly;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'shop-docs-test-'));
  assembly = await synthesizeTemplates(outdir);
});

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

describe('docs/architecture.md', () => {
  it('shows the events, workflows, stacks and ADRs as they are now (else run `npm run docs`)', async () => {
    const onDisk = await readFile(join(REPO_ROOT, ARCHITECTURE_DOC), 'utf8');

    const expected = await currentArchitectureDoc(assembly, REPO_ROOT);

    expect(onDisk, 'docs/architecture.md is stale: run `npm run docs` and commit it').toBe(expected);
  });

  it('draws every event the catalog defines and every consumer a synthesized rule gives it', async () => {
    const sections = await architectureSections(assembly, REPO_ROOT);

    const events = sections.get('events') ?? '';

    expect(events).toContain('orders -- "Order.OrderConfirmed" --> invoices');
    expect(events).toContain('products -- "Product.ProductInfoUpdated" --> orders');
  });

  it('gives every event exactly the consumers the catalog declares: each has a rule that receives its sample', () => {
    const flows = eventFlows(eventDefinitions, busRules(assembly));

    const disagreements = flows
      .filter((flow) => flow.consumers.join() !== flow.declared.join())
      .map((flow) => `${flow.detailType}: rules deliver to [${flow.consumers.join(', ')}], catalog declares [${flow.declared.join(', ')}]`);

    expect(disagreements).toEqual([]);
  });

  it('draws the checkout with its service integrations and its compensation', async () => {
    const sections = await architectureSections(assembly, REPO_ROOT);

    const checkout = sections.get('checkout') ?? '';

    expect(checkout).toContain('ReserveStock["ReserveStock<br/><i>events:putEvents.waitForTaskToken</i>"]');
    expect(checkout).toContain('AuthorizePayment["AuthorizePayment<br/><i>http:invoke</i>"]');
    expect(checkout).toMatch(/Compensate -- .* --> VoidPayment/);
  });
});
