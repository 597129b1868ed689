import { rulePattern, type AnyEventDefinition } from '../define-event';
import { sampleEvent } from '../parse';
import { piiPaths } from '../pii';
import { fieldRows } from './fields';
import type { JsonSchema } from './json-schema';
import { GENERATED_NOTICE, fieldsTable, jsonBlock, schemaFileName, table } from './markdown';

function summary(definition: AnyEventDefinition): string {
  return table(
    ['Property', 'Value'],
    [
      ['Source', `\`${definition.source}\``],
      ['Detail type', `\`${definition.detailType}\``],
      ['Version (`detail.metadata.event_version`)', `\`${definition.version}\``],
      ['Producer', definition.producer],
      ['JSON Schema of `detail`', `[${schemaFileName(definition.key)}](${schemaFileName(definition.key)})`],
    ],
  );
}

function piiSection(definition: AnyEventDefinition): string[] {
  const paths = piiPaths(definition.detail);
  if (paths.length === 0) return ['This event carries no personal data.'];
  return [
    'Personal data, sent because a consumer needs it. Never log it: redact these paths of `detail` ' +
      '(`redactPii(definition.detail, detail)` does):',
    '',
    ...paths.map((path) => `- \`${path}\``),
  ];
}

/**
 * The Markdown page of one event version: what it means, who produces and consumes it, its fields
 * (type, PII, description), a sample and the rule pattern that matches it.
 *
 * @example
 * renderEventPage(OrderConfirmed, detailJsonSchema(OrderConfirmed));
 */
export function renderEventPage(definition: AnyEventDefinition, schema: JsonSchema): string {
  const data = schema.properties?.['data'] ?? {};
  const consumers = definition.consumers.map((consumer) => [consumer.service, consumer.purpose]);
  return [
    GENERATED_NOTICE,
    '',
    `# ${definition.detailType} (v${definition.version})`,
    '',
    definition.description,
    '',
    summary(definition),
    '',
    '## Consumers',
    '',
    consumers.length === 0
      ? 'No service consumes this event yet.'
      : table(['Service', 'What it does with the event'], consumers),
    '',
    '## Data (`detail.data`)',
    '',
    fieldsTable(fieldRows(data)),
    '',
    'Every event also carries `detail.metadata`: see [the envelope](README.md#metadata).',
    '',
    '## Personal data',
    '',
    ...piiSection(definition),
    '',
    '## Sample',
    '',
    'As a rule target receives it:',
    '',
    jsonBlock(sampleEvent(definition)),
    '',
    '## Rule pattern',
    '',
    'An EventBridge rule that receives this version of the event:',
    '',
    jsonBlock(rulePattern(definition)),
    '',
  ].join('\n');
}
