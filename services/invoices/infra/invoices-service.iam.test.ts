import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from './table-access';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf, statementsAllowing, statementsOf } from './testing/template-queries';

const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const SQS_CONSUME = [
  'sqs:ChangeMessageVisibility',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
  'sqs:ReceiveMessage',
];
const sorted = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();
const keysOf = (resources: unknown[]) => JSON.stringify(resources).match(/\/(invoices|credit-notes)\/\*/g);

describe('InvoicesService permissions', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let stage: ReturnType<typeof invoicesStage>;
  let template: Template;

  beforeAll(() => {
    stage = invoicesStage();
    template = Template.fromStack(stage.stateless);
  }, SYNTH_TIMEOUT_MS);

  it('lets each consumer use both tables, its own queue, its own DLQ, publish and write its own PDFs only', () => {
    for (const [name, prefix] of [
      ['orderConfirmed', '/invoices/*'],
      ['orderCancelled', '/credit-notes/*'],
    ] as const) {
      const fn = stage.service.functions[name];
      const { inbox } = stage.service.inboxes[name];

      expect(actionsOf(template, fn), name).toEqual(
        sorted(BASELINE, TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS, SQS_CONSUME, [
          'events:PutEvents',
          'sqs:SendMessage',
          's3:PutObject',
        ]),
      );
      expect(statementsAllowing(template, fn, 'sqs:ReceiveMessage').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [logicalIdOf(inbox.queue), 'Arn'] },
      ]);
      expect(statementsAllowing(template, fn, 'sqs:SendMessage').map((s) => s.Resource)).toEqual([
        { 'Fn::GetAtt': [logicalIdOf(inbox.deadLetterQueue), 'Arn'] },
      ]);
      expect(keysOf(statementsAllowing(template, fn, 's3:PutObject').map((s) => s.Resource))).toEqual([prefix]);
    }
  });

  it('lets the consumers put shop.invoices events only', () => {
    for (const name of ['orderConfirmed', 'orderCancelled'] as const) {
      const conditions = statementsAllowing(template, stage.service.functions[name], 'events:PutEvents').map(
        (s) => s.Condition,
      );

      expect(conditions).toEqual([
        { 'ForAllValues:StringEquals': { 'events:source': ['shop.invoices'] }, Null: { 'events:source': 'false' } },
      ]);
    }
  });

  it('lets the API function read the invoices table and the invoice PDFs, and nothing else', () => {
    const fn = stage.service.functions.getInvoice;

    expect(actionsOf(template, fn)).toEqual(sorted(BASELINE, TABLE_READ_ACTIONS, ['s3:GetObject']));
    expect(keysOf(statementsAllowing(template, fn, 's3:GetObject').map((s) => s.Resource))).toEqual(['/invoices/*']);
  });

  it('allows wildcards only in X-Ray’s statement and the PDF prefixes', () => {
    for (const [name, fn] of Object.entries(stage.service.functions)) {
      const wildcards = statementsOf(template, fn)
        .filter((s) => JSON.stringify(s.Resource).includes('*'))
        .flatMap((s) => s.Action)
        .sort();

      expect(wildcards, name).toEqual(
        sorted(
          ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'],
          [name === 'getInvoice' ? 's3:GetObject' : 's3:PutObject'],
        ),
      );
    }
  });
});
