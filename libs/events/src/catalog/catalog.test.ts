import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { eventDefinitions } from '../registry';
import { buildAsyncApi } from './asyncapi';
import { CATALOG_DIR, generateCatalog, readCatalog, renderCatalog } from './catalog';

const generated = await generateCatalog(eventDefinitions);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What differs between the catalog on disk and the one the definitions produce now. */
function differences(onDisk: Map<string, string>, expected: Map<string, string>): string[] {
  const missing = [...expected.keys()].filter((path) => !onDisk.has(path)).map((path) => `missing: ${path}`);
  const stale = [...onDisk.keys()]
    .filter((path) => !expected.has(path))
    .map((path) => `not generated any more: ${path}`);
  const changed = [...expected]
    .filter(([path, content]) => onDisk.has(path) && onDisk.get(path) !== content)
    .map(([path]) => `out of date: ${path}`);
  return [...missing, ...stale, ...changed];
}

// Parsing runs Spectral's whole AsyncAPI ruleset: seconds on a busy machine.
const PARSE_TIMEOUT_MS = 60_000;
const parser = new Parser();

async function asyncApiErrors(document: unknown) {
  const { diagnostics } = await parser.parse(JSON.stringify(document));
  return diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
}

describe('the event catalog', () => {
  it('on disk is the one the event definitions produce now', async () => {
    const onDisk = await readCatalog(CATALOG_DIR);

    const problems = differences(onDisk, generated);

    expect(
      problems,
      `docs/events is out of date: run \`npm run catalog\` and commit it.\n${problems.join('\n')}`,
    ).toEqual([]);
  });

  it('comes out the same whatever the order of the definitions', () => {
    const inOrder = renderCatalog(eventDefinitions);

    const reversed = renderCatalog([...eventDefinitions].reverse());

    expect(reversed).toEqual(inOrder);
  });

  it('has an index, and a page and a JSON Schema for each event version', () => {
    const expected = eventDefinitions.flatMap((definition) => [
      `${definition.key}.md`,
      `schemas/${definition.key}.json`,
    ]);

    expect([...generated.keys()].sort()).toEqual(['README.md', 'asyncapi.json', ...expected].sort());
  });

  it('shows the producer, the consumers, the personal data and a sample on an event page', () => {
    const page = generated.get('Order.OrderConfirmed.v1.md') ?? '';
    // Prettier pads table cells, so a row is matched cell by cell.
    const row = (...cells: string[]) => new RegExp(`\\|\\s*${cells.map(escape).join('\\s*\\|\\s*')}\\s*\\|`);

    expect(page).toMatch(row('Producer', 'orders'));
    expect(page).toMatch(
      row(
        'invoices',
        'Builds and stores the invoice (PDF) from this event alone, then publishes Invoice.InvoiceIssued.',
      ),
    );
    expect(page).toMatch(row('`customer.email`', 'string (email)', 'yes', 'email', 'Where the invoice is sent.'));
    expect(page).toMatch(row('`billingAddress`', '[Address](README.md#address)', 'yes', 'address'));
    expect(page).toContain('- `data.shippingAddress`');
    expect(page).toContain('"detail-type": "Order.OrderConfirmed"');
  });

  it('links every event from the index', () => {
    const index = generated.get('README.md') ?? '';

    for (const definition of eventDefinitions) {
      expect(index).toContain(`[${definition.detailType}](${definition.key}.md)`);
    }
  });
});

describe('the AsyncAPI document', () => {
  const document = JSON.parse(generated.get('asyncapi.json') ?? '{}');

  it(
    'is valid AsyncAPI 3.0.0',
    async () => {
      const errors = await asyncApiErrors(document);

      expect(document.asyncapi).toBe('3.0.0');
      expect(errors.map((error) => `${error.path.join('/')}: ${error.message}`)).toEqual([]);
    },
    PARSE_TIMEOUT_MS,
  );

  it(
    'is checked for real: a broken document has errors',
    async () => {
      const broken = buildAsyncApi(eventDefinitions);
      Object.assign(Object.values(broken.operations)[0] as object, { action: 'publish' });

      expect(await asyncApiErrors(broken)).not.toEqual([]);
    },
    PARSE_TIMEOUT_MS,
  );

  it('has a channel, a message and a send operation per event version, and a receive per consumer', () => {
    const consumers = eventDefinitions.reduce((count, definition) => count + definition.consumers.length, 0);
    const actions = Object.values(document.operations as Record<string, { action: string }>).map((op) => op.action);

    expect(Object.keys(document.channels)).toHaveLength(eventDefinitions.length);
    expect(Object.keys(document.components.messages)).toHaveLength(eventDefinitions.length);
    expect(actions.filter((action) => action === 'send')).toHaveLength(eventDefinitions.length);
    expect(actions.filter((action) => action === 'receive')).toHaveLength(consumers);
  });
});
