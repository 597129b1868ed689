import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkoutRequestSchema,
  checkoutResponseTemplate,
  GATEWAY_RESPONSE_BODIES,
  startCheckoutRequestTemplate,
} from './checkout-api-templates';
import { INTAKE_ERROR_STATUS } from './checkout-intake';
import { ordersStage } from './testing/orders-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf, statementsOf } from './testing/template-queries';

type Synth = ReturnType<typeof ordersStage> & { template: Template };
type Resource = { Properties: Record<string, unknown> };

function synth(options: Parameters<typeof ordersStage>[0] = {}): Synth {
  const stage = ordersStage(options);
  return { ...stage, template: Template.fromStack(stage.stateless) };
}

const checkoutMethod = (s: Synth) =>
  Object.values(
    s.template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'POST' } }),
  )[0] as Resource;

describe('CheckoutApi', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let s: Synth;

  beforeAll(() => {
    s = synth();
  }, SYNTH_TIMEOUT_MS);

  it('runs the intake with StartSyncExecution, through a role that may do that and nothing else', () => {
    const integration = checkoutMethod(s).Properties.Integration as Record<string, unknown>;
    const role = s.service.checkoutApi.integrationRole;

    expect(integration).toMatchObject({
      Type: 'AWS',
      IntegrationHttpMethod: 'POST',
      Credentials: { 'Fn::GetAtt': [logicalIdOf(role), 'Arn'] },
      PassthroughBehavior: 'NEVER',
    });
    expect(JSON.stringify(integration.Uri)).toMatch(/:states:action\/StartSyncExecution"/);
    expect(statementsOf(s.template, role)).toEqual([
      {
        Effect: 'Allow',
        Action: 'states:StartSyncExecution',
        Resource: { Ref: logicalIdOf(s.service.intake.stateMachine) },
      },
    ]);
    expect(actionsOf(s.template, role)).toEqual(['states:StartSyncExecution']);
  });

  it('builds the request from the template, and maps the answer with the templates generated from the error codes', () => {
    const integration = checkoutMethod(s).Properties.Integration as {
      RequestTemplates: Record<string, unknown>;
      IntegrationResponses: {
        StatusCode: string;
        SelectionPattern?: string;
        ResponseTemplates: Record<string, string>;
      }[];
    };
    const intakeArn = s.stateless.resolve(s.service.intake.stateMachine.stateMachineArn) as unknown;

    expect(Object.keys(integration.RequestTemplates)).toEqual(['application/json']);
    expect(s.stateless.resolve(startCheckoutRequestTemplate(s.service.intake.stateMachine.stateMachineArn))).toEqual(
      integration.RequestTemplates['application/json'],
    );
    expect(JSON.stringify(integration.RequestTemplates)).toContain(JSON.stringify(intakeArn));
    expect(integration.IntegrationResponses).toEqual([
      { StatusCode: '202', ResponseTemplates: { 'application/json': checkoutResponseTemplate(INTAKE_ERROR_STATUS) } },
      {
        StatusCode: '500',
        SelectionPattern: '[45]\\d{2}',
        ResponseTemplates: { 'application/json': expect.any(String) },
      },
    ]);
  });

  it('lets only signed-in customers in, through the user pool’s authorizer', () => {
    const method = checkoutMethod(s).Properties;
    const [authorizer] = Object.entries(s.template.findResources('AWS::ApiGateway::Authorizer'));

    expect(method).toMatchObject({ AuthorizationType: 'COGNITO_USER_POOLS', AuthorizerId: { Ref: authorizer?.[0] } });
    expect(authorizer?.[1].Properties).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      IdentitySource: 'method.request.header.Authorization',
    });
    expect(JSON.stringify(authorizer?.[1].Properties.ProviderARNs)).toContain('UserPool');
  });

  it('refuses a request without an Idempotency-Key, or whose body is not a checkout, before anything runs', () => {
    const method = checkoutMethod(s).Properties;
    const validatorId = (method.RequestValidatorId as { Ref: string }).Ref;
    const modelId = (method.RequestModels as Record<string, { Ref: string }>)['application/json']?.Ref as string;
    const model = s.template.toJSON().Resources[modelId].Properties;

    expect(s.template.toJSON().Resources[validatorId].Properties).toMatchObject({
      ValidateRequestBody: true,
      ValidateRequestParameters: true,
    });
    expect(method.RequestParameters).toEqual({
      'method.request.header.Idempotency-Key': true,
      'method.request.header.x-correlation-id': false,
    });
    expect(model).toMatchObject({ ContentType: 'application/json', Schema: checkoutRequestSchema() });
    expect(JSON.stringify(model.Schema)).not.toMatch(/"pii"|"piiCategory"/);
  });

  it('declares the 202 with its Location and every status the response template can set', () => {
    const statuses = (checkoutMethod(s).Properties.MethodResponses as { StatusCode: string }[]).map(
      (r) => r.StatusCode,
    );

    expect(statuses.sort()).toEqual(
      [...new Set(['202', '500', ...Object.values(INTAKE_ERROR_STATUS).map(String)])].sort(),
    );
    expect(checkoutMethod(s).Properties.MethodResponses).toContainEqual({
      StatusCode: '202',
      ResponseParameters: { 'method.response.header.Location': true },
    });
  });

  it('answers API Gateway’s own refusals in the service’s error shape', () => {
    const responses = Object.values(s.template.findResources('AWS::ApiGateway::GatewayResponse')).map((r) => [
      r.Properties.ResponseType,
      r.Properties.ResponseTemplates['application/json'],
    ]);

    expect(Object.fromEntries(responses)).toEqual(GATEWAY_RESPONSE_BODIES);
  });

  it('throttles the stage, traces it, and logs access and errors but never a body', () => {
    const [stage] = Object.values(s.template.findResources('AWS::ApiGateway::Stage'));

    expect(stage?.Properties).toMatchObject({
      StageName: 'v1',
      TracingEnabled: true,
      MethodSettings: [
        {
          HttpMethod: '*',
          ResourcePath: '/*',
          ThrottlingRateLimit: 25,
          ThrottlingBurstLimit: 50,
          LoggingLevel: 'ERROR',
          DataTraceEnabled: false,
        },
      ],
    });
    expect(stage?.Properties.AccessLogSetting.Format).toContain('$context.requestId');
    s.template.hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
  });

  it('has no CORS without allowed origins: the storefront calls it from its server', () => {
    s.template.resourceCountIs('AWS::ApiGateway::Method', 1);
    for (const response of Object.values(s.template.findResources('AWS::ApiGateway::GatewayResponse'))) {
      expect(response.Properties.ResponseParameters).toBeUndefined();
    }
  });

  it('exposes the stage’s URL as checkoutApiUrl', () => {
    const url = JSON.stringify(s.stateless.resolve(s.service.checkoutApiUrl));

    expect(url).toContain(`{"Ref":"${logicalIdOf(s.service.checkoutApi.restApi)}"}`);
    expect(url).toContain('.execute-api.');
  });
});

describe('CheckoutApi with allowed origins', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('answers the preflight of POST /checkout for those origins, and lets them read the errors', () => {
    const s = synth({ allowedOrigins: ['https://shop.example'] });

    const options = Object.values(
      s.template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }),
    );
    expect(options).toHaveLength(1);
    expect(JSON.stringify(options[0]?.Properties.Integration.IntegrationResponses)).toContain(
      `"method.response.header.Access-Control-Allow-Origin":"'https://shop.example'"`,
    );
    expect(JSON.stringify(options[0]?.Properties.Integration.IntegrationResponses)).toContain('Idempotency-Key');
    for (const response of Object.values(s.template.findResources('AWS::ApiGateway::GatewayResponse'))) {
      expect(response.Properties.ResponseParameters).toEqual({
        'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
      });
    }
  });
});
