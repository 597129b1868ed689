import { describe, expect, it } from 'vitest';
import type { JsonObject, ResolvedResource } from '../../core/contracts';
import { EventBridgeEngine } from './engine';
import { loadTemplateResources } from './load-resources';
import { RecordingHttp, RecordingLambda } from './recording-ports';

const REGION = 'eu-west-1';
const ACCOUNT = '123456789012';
const FUNCTION = `arn:aws:lambda:${REGION}:${ACCOUNT}:function:invoices`;
const arn = (resource: string) => `arn:aws:events:${REGION}:${ACCOUNT}:${resource}`;

/** A resource as the template resolver hands it over: names and ARNs already decided. */
function resolved(type: string, physicalName: string, resourceArn: string, properties: JsonObject): ResolvedResource {
  return { stackName: 'Shop-Stateless', logicalId: physicalName, type, ref: physicalName, physicalName, arn: resourceArn, attributes: { Arn: resourceArn }, properties };
}

describe('loadTemplateResources', () => {
  it('creates buses, rules with targets and archives whatever their order in the template', async () => {
    const lambda = new RecordingLambda();
    const engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { lambda } });

    loadTemplateResources(engine, [
      resolved('AWS::Events::Archive', 'shop-archive', arn('archive/shop-archive'), { SourceArn: arn('event-bus/shop') }),
      resolved('AWS::Events::Rule', 'Shop-OrderConfirmed-1A2B', arn('rule/shop/Shop-OrderConfirmed-1A2B'), {
        EventBusName: 'shop',
        EventPattern: { source: ['shop.orders'], 'detail-type': ['Order.OrderConfirmed'] },
        State: 'ENABLED',
        Targets: [{ Id: 'Target0', Arn: FUNCTION, RetryPolicy: { MaximumRetryAttempts: 2 } }],
      }),
      resolved('AWS::Events::EventBus', 'shop', arn('event-bus/shop'), { Name: 'shop' }),
    ]);
    engine.putEvents([{ EventBusName: 'shop', Source: 'shop.orders', DetailType: 'Order.OrderConfirmed', Detail: '{}' }]);
    await engine.settled();

    expect(engine.buses.rule('shop', 'Shop-OrderConfirmed-1A2B').arn).toBe(arn('rule/shop/Shop-OrderConfirmed-1A2B'));
    expect(lambda.asyncInvocations).toHaveLength(1);
    expect(engine.archives.archive('shop-archive').events).toHaveLength(1);
  });

  it('keeps the ARNs the resolver gave connections and API destinations, so targets find them', async () => {
    const http = new RecordingHttp();
    const engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT, ports: { http: http.send } });
    const connectionArn = arn('connection/pay/11111111-2222-3333-4444-555555555555');
    const destinationArn = arn('api-destination/pay/66666666-7777-8888-9999-000000000000');

    loadTemplateResources(engine, [
      resolved('AWS::Events::Rule', 'charge', arn('rule/charge'), { EventPattern: { source: ['shop.orders'] }, Targets: [{ Id: 'api', Arn: destinationArn }] }),
      resolved('AWS::Events::ApiDestination', 'pay', destinationArn, { ConnectionArn: connectionArn, InvocationEndpoint: 'https://pay.test/charge', HttpMethod: 'POST' }),
      resolved('AWS::Events::Connection', 'pay', connectionArn, {
        AuthorizationType: 'BASIC',
        AuthParameters: { BasicAuthParameters: { Username: 'shop', Password: 'pw' } },
      }),
    ]);
    engine.putEvents([{ Source: 'shop.orders', DetailType: 'x', Detail: '{}' }]);
    await engine.settled();

    expect(http.requests).toEqual([expect.objectContaining({ url: 'https://pay.test/charge', headers: expect.objectContaining({ authorization: 'Basic c2hvcDpwdw==' }) })]);
  });

  it('refuses a rule whose pattern EventBridge would refuse', () => {
    const engine = new EventBridgeEngine({ region: REGION, accountId: ACCOUNT });

    const load = () => loadTemplateResources(engine, [resolved('AWS::Events::Rule', 'bad', arn('rule/bad'), { EventPattern: { source: 'shop.orders' } })]);

    expect(load).toThrow('Event pattern is not valid. Reason: "source" must be an object or an array');
  });
});
