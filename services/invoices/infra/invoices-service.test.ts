import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { invoicesStage } from './testing/invoices-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

describe('InvoicesService', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let stage: ReturnType<typeof invoicesStage>;
  let template: Template;
  const variablesOf = (name: keyof typeof stage.service.functions) =>
    template.toJSON().Resources[logicalIdOf(stage.service.functions[name])].Properties.Environment.Variables;

  beforeAll(() => {
    stage = invoicesStage({ withAlarmTopic: true });
    template = Template.fromStack(stage.stateless);
  }, SYNTH_TIMEOUT_MS);

  it('serves GET /orders/{orderId}/invoice behind the JWT authorizer, from the API function’s live alias', () => {
    const [route] = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));

    expect(route?.Properties).toMatchObject({ RouteKey: 'GET /orders/{orderId}/invoice', AuthorizationType: 'JWT' });
    expect(JSON.stringify(template.findResources('AWS::ApiGatewayV2::Integration'))).toContain(
      logicalIdOf(
        stage.service.liveAliases.find((live) => live.alias.version.lambda === stage.service.functions.getInvoice)
          ?.alias,
      ),
    );
  });

  it('tells each function where its data is, the API function nothing about the bus or queues', () => {
    expect(Object.keys(variablesOf('orderConfirmed'))).toEqual(
      expect.arrayContaining([
        'TABLE_NAME',
        'IDEMPOTENCY_TABLE_NAME',
        'PDF_BUCKET_NAME',
        'EVENT_BUS_NAME',
        'STAGE_NAME',
        'SHOP_NAME',
        'DEAD_LETTER_QUEUE_URL',
      ]),
    );
    expect(variablesOf('orderConfirmed')).toMatchObject({ STAGE_NAME: 'test', SHOP_NAME: 'Shop' });
    expect(Object.keys(variablesOf('getInvoice'))).not.toContain('EVENT_BUS_NAME');
    expect(Object.keys(variablesOf('getInvoice'))).toEqual(expect.arrayContaining(['TABLE_NAME', 'PDF_BUCKET_NAME']));
  });

  it('gives the consumers 30 seconds, room for a batch of ten PDFs', () => {
    for (const name of ['orderConfirmed', 'orderCancelled'] as const) {
      const fn = template.toJSON().Resources[logicalIdOf(stage.service.functions[name])];

      expect(fn.Properties.Timeout).toBe(30);
    }
  });

  it('sends every alarm to the alarm topic', () => {
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));

    // The service's alarms, and the errors and duration alarms of its three live aliases.
    expect(alarms.length).toBe(stage.service.alarms.length + 3 * 2);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toHaveLength(1);
  });
});
