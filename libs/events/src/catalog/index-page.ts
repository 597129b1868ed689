import { z } from 'zod';
import type { AnyEventDefinition } from '../define-event';
import { Address, EventMetadata, Money } from '../envelope';
import { piiPaths } from '../pii';
import { fieldRows } from './fields';
import type { JsonSchema } from './json-schema';
import { GENERATED_NOTICE, fieldsTable, jsonBlock, pageFileName, table } from './markdown';

function rowsOf(schema: z.ZodType) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return fieldRows(jsonSchema, '', jsonSchema.pii === true ? jsonSchema.piiCategory : undefined);
}

const ENVELOPE_SAMPLE = {
  source: 'shop.orders',
  'detail-type': 'Order.OrderConfirmed',
  resources: [],
  detail: {
    metadata: {
      correlation_id: '5b0e6c1e-3f0a-4a43-9f4e-2c7d8a1b9e10',
      causation_id: '8c2d4f6a-1b3e-4c5d-9e7f-0a1b2c3d4e5f',
      domain: 'shop',
      service: 'orders',
      environment: 'prod',
      event_version: '1',
    },
    data: { '…': 'the fields of the event, camelCase' },
  },
};

function eventsTable(definitions: readonly AnyEventDefinition[]): string {
  return table(
    ['Event', 'Version', 'Source', 'Consumers', 'PII', 'What happened'],
    definitions.map((definition) => [
      `[${definition.detailType}](${pageFileName(definition.key)})`,
      definition.version,
      `\`${definition.source}\``,
      definition.consumers.map((consumer) => consumer.service).join(', '),
      piiPaths(definition.data).length > 0 ? 'yes' : 'no',
      definition.description.split('. ')[0]?.replace(/\.$/, '') ?? '',
    ]),
  );
}

/**
 * The catalog's index: every event with its producer and consumers, the envelope, the shared types
 * and the rules all events follow.
 *
 * @example
 * renderIndex(eventDefinitions);
 */
export function renderIndex(definitions: readonly AnyEventDefinition[]): string {
  return [
    GENERATED_NOTICE,
    '',
    '# Event catalog',
    '',
    'Every event the Shop services publish on the EventBridge bus `shop`. Producers own the contracts: one zod',
    'schema per event, with a sample, in `libs/events`. This folder is generated from them, as are the',
    '[JSON Schemas](schemas/) of each `detail` and the [AsyncAPI 3.0 document](asyncapi.json).',
    '',
    '## Events',
    '',
    eventsTable(definitions),
    '',
    '## Envelope',
    '',
    "EventBridge's envelope, and in `detail` a `metadata` block (snake_case names, as in the talk this project",
    'grew from) and a `data` block (camelCase fields).',
    '',
    jsonBlock(ENVELOPE_SAMPLE),
    '',
    '- `source` is `shop.<producing service>`; `detail-type` is `<Entity>.<PastTenseFact>`. Facts only: commands',
    '  go to a queue or a workflow, never onto the bus.',
    '- Events carry the state consumers need (event-carried state transfer), so consumers never call back.',
    '',
    '### Metadata',
    '',
    fieldsTable(rowsOf(EventMetadata)),
    '',
    '## Shared types',
    '',
    '### Money',
    '',
    'Always an integer amount of minor units and its currency ("amount in what?").',
    '',
    fieldsTable(rowsOf(Money)),
    '',
    '### Address',
    '',
    'Structured and complete. Personal data as a whole.',
    '',
    fieldsTable(rowsOf(Address)),
    '',
    '## Rules',
    '',
    '- **Personal data** is marked in the schema (`pii` in the JSON Schemas), sent only where a consumer needs it,',
    '  and never logged: each event page lists the paths to redact.',
    '- **Versioning.** Adding an optional field is not breaking: consumers ignore fields they do not know.',
    '  Removing, renaming or retyping a field, or making one required, is breaking: it becomes a new',
    '  `event_version`, published beside the old one until every consumer has moved. Each version has its page.',
    '- **Ordering.** EventBridge does not keep order; events that carry state carry a `revision` or a timestamp',
    '  so consumers can ignore stale ones. Delivery is at least once: consumers are idempotent.',
    '',
  ].join('\n');
}
