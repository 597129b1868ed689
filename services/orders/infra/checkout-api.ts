import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  checkoutRequestSchema,
  checkoutResponseTemplate,
  CORRELATION_HEADER,
  GATEWAY_RESPONSE_BODIES,
  IDEMPOTENCY_KEY_HEADER,
  serviceFaultTemplate,
  startCheckoutRequestTemplate,
} from './checkout-api-templates';
import { INTAKE_ERROR_STATUS } from './checkout-intake';

/** Steady-state requests per second of the stage, and the burst above it: checkouts, not page views. */
export const CHECKOUT_API_THROTTLE = { rateLimit: 25, burstLimit: 50 } as const;
/** The stage, and so the first path segment of the URL (`…/v1/checkout`). */
export const CHECKOUT_API_STAGE = 'v1';

export interface CheckoutApiProps {
  readonly intake: sfn.StateMachine;
  /** Checkout needs a signed-in customer: the Cognito user pool authorizer trusts this pool's ID tokens. */
  readonly userPool: cognito.IUserPool;
  /** Origins browsers may call the API from. @default - none: CORS off (the storefront calls it from its server) */
  readonly allowedOrigins?: readonly string[];
}

/**
 * The checkout's REST API: `POST /checkout`, where API Gateway itself validates the request (the
 * `Idempotency-Key` header and the body's JSON Schema) and runs the CheckoutIntake state machine with
 * StartSyncExecution (an AWS integration: no Lambda between API Gateway and Step Functions), then maps its
 * answer to 202 or to the refusal's status, in lambda-kit's error shape.
 */
export class CheckoutApi extends Construct {
  readonly restApi: apigateway.RestApi;
  /** May only StartSyncExecution on the intake. */
  readonly integrationRole: iam.Role;

  constructor(scope: Construct, id: string, props: CheckoutApiProps) {
    super(scope, id);
    const allowedOrigins = props.allowedOrigins ?? [];
    this.restApi = this.makeRestApi();
    this.integrationRole = new iam.Role(this, 'IntegrationRole', {
      assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com'),
      description: 'POST /checkout: starts synchronous executions of the checkout intake, and nothing else',
    });
    props.intake.grantStartSyncExecution(this.integrationRole);
    this.addGatewayResponses(allowedOrigins);
    this.addCheckoutMethod(props, allowedOrigins);
    Validations.of(this.restApi.deploymentStage.node.defaultChild as apigateway.CfnStage).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG3',
      reason:
        'No WAF web ACL: the one method needs a Cognito sign-in, is validated before anything runs and is ' +
        'throttled per stage. Add a web ACL (IP, bot and rate rules) where a deployment needs one.',
    });
  }

  /** The API's base URL, stage included, e.g. `https://abc123.execute-api.eu-west-2.amazonaws.com/v1/`. */
  get url(): string {
    return this.restApi.url;
  }

  private makeRestApi(): apigateway.RestApi {
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    return new apigateway.RestApi(this, 'RestApi', {
      // A REST API must have a name, which need not be unique: the stack's says which stage it serves.
      restApiName: `${Stack.of(this).stackName}-checkout`,
      description: 'Shop checkout: POST /checkout starts the checkout workflow',
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      // The account's CloudWatch role for API Gateway logging is set once per account, not per API.
      cloudWatchRole: false,
      deployOptions: {
        stageName: CHECKOUT_API_STAGE,
        throttlingRateLimit: CHECKOUT_API_THROTTLE.rateLimit,
        throttlingBurstLimit: CHECKOUT_API_THROTTLE.burstLimit,
        tracingEnabled: true,
        // Errors only and never the bodies: requests hold names, emails and addresses.
        loggingLevel: apigateway.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        accessLogDestination: new apigateway.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigateway.AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            resourcePath: '$context.resourcePath',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integration.latency',
            integrationStatus: '$context.integration.status',
            errorType: '$context.error.responseType',
            authorizerError: '$context.authorizer.error',
            sourceIp: '$context.identity.sourceIp',
            requestTime: '$context.requestTime',
          }),
        ),
      },
    });
  }

  private addCheckoutMethod(props: CheckoutApiProps, allowedOrigins: readonly string[]): void {
    const integration = new apigateway.AwsIntegration({
      service: 'states',
      action: 'StartSyncExecution',
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: this.integrationRole,
        // A body without the JSON content type was never validated against the model: refuse it (415).
        passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': startCheckoutRequestTemplate(props.intake.stateMachineArn) },
        integrationResponses: [
          {
            statusCode: '202',
            responseTemplates: { 'application/json': checkoutResponseTemplate(INTAKE_ERROR_STATUS, allowedOrigins) },
          },
          {
            selectionPattern: '[45]\\d{2}',
            statusCode: '500',
            responseTemplates: { 'application/json': serviceFaultTemplate(allowedOrigins) },
          },
        ],
      },
    });
    const statuses = ['202', '500', ...new Set(Object.values(INTAKE_ERROR_STATUS).map(String))];
    const checkout = this.restApi.root.addResource('checkout', {
      ...(allowedOrigins.length > 0 && {
        defaultCorsPreflightOptions: {
          allowOrigins: [...allowedOrigins],
          allowMethods: ['POST'],
          allowHeaders: ['Authorization', 'Content-Type', IDEMPOTENCY_KEY_HEADER, CORRELATION_HEADER],
          exposeHeaders: ['Location'],
          maxAge: Duration.hours(1),
        },
      }),
    });
    checkout.addMethod('POST', integration, {
      authorizer: new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [props.userPool] }),
      authorizationType: apigateway.AuthorizationType.COGNITO,
      requestValidator: new apigateway.RequestValidator(this, 'Validator', {
        restApi: this.restApi,
        validateRequestBody: true,
        validateRequestParameters: true,
      }),
      requestParameters: {
        [`method.request.header.${IDEMPOTENCY_KEY_HEADER}`]: true,
        [`method.request.header.${CORRELATION_HEADER}`]: false,
      },
      requestModels: {
        'application/json': this.restApi.addModel('CheckoutRequest', {
          contentType: 'application/json',
          description: 'A request to buy a cart, paying with a tokenized card (CheckoutRequestWithToken)',
          schema: checkoutRequestSchema() as apigateway.JsonSchema,
        }),
      },
      methodResponses: [...new Set(statuses)].map((statusCode) => ({
        statusCode,
        responseParameters: statusCode === '202' ? { 'method.response.header.Location': true } : undefined,
      })),
    });
  }

  private addGatewayResponses(allowedOrigins: readonly string[]): void {
    // A browser only sends the POST after a preflight the allowed origins passed; these bodies carry no data.
    const cors =
      allowedOrigins.length > 0 ? { 'Access-Control-Allow-Origin': 'method.request.header.Origin' } : undefined;
    for (const [type, body] of Object.entries(GATEWAY_RESPONSE_BODIES)) {
      this.restApi.addGatewayResponse(`${type}Response`, {
        type: apigateway.ResponseType.of(type),
        templates: { 'application/json': body },
        responseHeaders: cors,
      });
    }
  }
}
