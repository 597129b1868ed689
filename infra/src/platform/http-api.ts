import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface ShopHttpApiProps {
  readonly userPool: cognito.IUserPool;
  /** The app clients whose tokens the API accepts (the `aud`/`client_id` claim). */
  readonly clients: readonly cognito.IUserPoolClient[];
  /** Origins the browser may call the API from (the storefront). @default - none: CORS off */
  readonly allowedOrigins?: readonly string[];
  /** Steady-state requests per second for the whole stage, and the burst above it. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
}

/**
 * The shop's one public HTTP API (API Gateway HTTP API): every service adds its routes to it. Access logs are
 * JSON with the request id and the caller's correlation id; the stage is throttled; `authorizer` verifies
 * Cognito JWTs for the routes that need a signed-in caller.
 *
 * @example
 * const api = new ShopHttpApi(this, 'Api', { userPool, clients: [storefrontClient] });
 * api.httpApi.addRoutes({ path: '/orders', methods: [HttpMethod.GET], integration, authorizer: api.authorizer });
 */
export class ShopHttpApi extends Construct {
  readonly httpApi: apigwv2.HttpApi;
  readonly authorizer: HttpUserPoolAuthorizer;

  constructor(scope: Construct, id: string, props: ShopHttpApiProps) {
    super(scope, id);
    const origins = props.allowedOrigins ?? [];
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: `Shop public API (${Stack.of(this).stackName})`,
      createDefaultStage: false,
      ...(origins.length > 0 && {
        corsPreflight: {
          allowOrigins: [...origins],
          allowMethods: [apigwv2.CorsHttpMethod.ANY],
          allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
          exposeHeaders: ['x-correlation-id', 'location'],
          maxAge: Duration.hours(1),
        },
      }),
    });
    this.addDefaultStage(props.throttle ?? { rateLimit: 100, burstLimit: 200 });
    this.authorizer = new HttpUserPoolAuthorizer('CognitoJwt', props.userPool, {
      userPoolClients: [...props.clients],
      identitySource: ['$request.header.Authorization'],
    });
  }

  /** The API's base URL, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com`. */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  private addDefaultStage(throttle: { rateLimit: number; burstLimit: number }): void {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            integrationRequestId: '$context.integration.requestId',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            requestTime: '$context.requestTime',
          }),
        ),
      },
    });
  }
}
