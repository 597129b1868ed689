import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { ShopHttpApi } from './http-api';

function synth(allowedOrigins?: string[]) {
  const stack = new Stack(new App(), 'Api');
  const userPool = new cognito.UserPool(stack, 'Pool');
  const client = userPool.addClient('Client');
  const api = new ShopHttpApi(stack, 'Api', { userPool, clients: [client], ...(allowedOrigins && { allowedOrigins }) });
  const fn = new lambda.Function(stack, 'Fn', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('export const handler = async () => ({ statusCode: 200 });'),
  });
  api.httpApi.addRoutes({
    path: '/me',
    methods: [apigwv2.HttpMethod.GET],
    integration: new HttpLambdaIntegration('Me', fn),
    authorizer: api.authorizer,
  });
  return { template: Template.fromStack(stack), stack };
}

describe('ShopHttpApi', () => {
  it('deploys one auto-deployed $default stage, throttled, with JSON access logs', () => {
    const { template } = synth();

    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
  });

  it('verifies Cognito JWTs issued by the pool to its clients on the routes that ask for it', () => {
    const { template } = synth();

    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('PoolClient') }],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /me', AuthorizationType: 'JWT' });
  });

  it('answers CORS preflights only for the origins it is given', () => {
    const withOrigins = synth(['https://shop.example']).template;
    const without = synth().template;

    withOrigins.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://shop.example'],
        ExposeHeaders: ['x-correlation-id', 'location'],
      }),
    });
    expect(
      Object.values(without.findResources('AWS::ApiGatewayV2::Api'))[0]?.Properties.CorsConfiguration,
    ).toBeUndefined();
  });
});
