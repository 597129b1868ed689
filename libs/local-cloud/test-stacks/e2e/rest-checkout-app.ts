import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import * as templates from './rest-checkout-templates';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

const STOREFRONT = 'http://localhost:3000';

/** An Express workflow that fails with OutOfStock for the SOLD-OUT sku and accepts anything else. */
function checkoutWorkflow(scope: Construct): sfn.StateMachine {
  const outOfStock = new sfn.Fail(scope, 'OutOfStock', { error: 'OutOfStock', cause: 'SOLD-OUT is out of stock' });
  const accept = new sfn.Pass(scope, 'AcceptOrder', {
    parameters: { 'orderId.$': '$.orderId', 'customerId.$': '$.customerId', status: 'ACCEPTED' },
  });
  const checkStock = new sfn.Choice(scope, 'CheckStock')
    .when(sfn.Condition.stringEquals('$.order.items[0].sku', 'SOLD-OUT'), outOfStock)
    .otherwise(accept);
  return new sfn.StateMachine(scope, 'CheckoutWorkflow', {
    stateMachineType: sfn.StateMachineType.EXPRESS,
    definitionBody: sfn.DefinitionBody.fromChainable(checkStock),
  });
}

/**
 * The Shop's checkout in miniature, on an API Gateway REST API: POST /checkout starts an Express workflow
 * synchronously (no Lambda in between) behind a Cognito authorizer, a request validator and a body model;
 * POST /fulfilments starts a Standard workflow named after the Idempotency-Key; GET /products/{sku} reads
 * DynamoDB; GET /orders/{orderId} is a Lambda proxy method; CORS preflights are MOCK methods.
 */
class RestCheckoutStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const users = new cognito.UserPool(this, 'Customers', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const client = users.addClient('StorefrontClient', { authFlows: { userPassword: true } });
    const products = new dynamodb.TableV2(this, 'ProductsTable', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const checkout = checkoutWorkflow(this);
    const fulfilment = new sfn.StateMachine(this, 'FulfilmentWorkflow', {
      definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(this, 'ShipOrder')),
    });
    const role = new iam.Role(this, 'ApiRole', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
    checkout.grantStartSyncExecution(role);
    fulfilment.grantStartExecution(role);
    products.grantReadData(role);

    const api = new apigateway.RestApi(this, 'ShopRestApi', {
      deployOptions: { stageName: 'prod', throttlingBurstLimit: 50, throttlingRateLimit: 100 },
      defaultCorsPreflightOptions: {
        allowOrigins: [STOREFRONT],
        allowMethods: ['GET', 'POST'],
        allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key'],
        maxAge: Duration.minutes(10),
      },
    });
    const authorizer = new apigateway.CognitoUserPoolsAuthorizer(this, 'CustomersAuthorizer', {
      cognitoUserPools: [users],
    });
    const validator = api.addRequestValidator('CheckoutValidator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    const checkoutModel = api.addModel('CheckoutRequest', {
      contentType: 'application/json',
      schema: {
        schema: apigateway.JsonSchemaVersion.DRAFT4,
        type: apigateway.JsonSchemaType.OBJECT,
        required: ['items'],
        properties: {
          items: {
            type: apigateway.JsonSchemaType.ARRAY,
            minItems: 1,
            items: {
              type: apigateway.JsonSchemaType.OBJECT,
              required: ['sku', 'quantity'],
              properties: {
                sku: { type: apigateway.JsonSchemaType.STRING },
                quantity: { type: apigateway.JsonSchemaType.INTEGER, minimum: 1 },
              },
            },
          },
        },
      },
    });
    api.addGatewayResponse('BadRequestBody', {
      type: apigateway.ResponseType.BAD_REQUEST_BODY,
      responseHeaders: { 'Access-Control-Allow-Origin': `'${STOREFRONT}'` },
      templates: { 'application/json': templates.badRequestBodyResponse },
    });
    api.addGatewayResponse('Default4xx', {
      type: apigateway.ResponseType.DEFAULT_4XX,
      responseHeaders: { 'Access-Control-Allow-Origin': `'${STOREFRONT}'` },
    });

    const serviceError = {
      selectionPattern: '4\\d{2}',
      statusCode: '400',
      responseTemplates: { 'application/json': templates.serviceErrorResponse },
    };
    const checkoutIntegration = new apigateway.AwsIntegration({
      service: 'states',
      action: 'StartSyncExecution',
      integrationHttpMethod: 'POST',
      options: {
        credentialsRole: role,
        passthroughBehavior: apigateway.PassthroughBehavior.NEVER,
        requestTemplates: { 'application/json': templates.startExecutionRequest(checkout.stateMachineArn) },
        integrationResponses: [
          {
            statusCode: '202',
            responseTemplates: { 'application/json': templates.checkoutResponse },
            responseParameters: { 'method.response.header.Access-Control-Allow-Origin': `'${STOREFRONT}'` },
          },
          serviceError,
        ],
      },
    });
    api.root.addResource('checkout').addMethod('POST', checkoutIntegration, {
      authorizer,
      authorizationType: apigateway.AuthorizationType.COGNITO,
      requestValidator: validator,
      requestParameters: { 'method.request.header.Idempotency-Key': true },
      requestModels: { 'application/json': checkoutModel },
      methodResponses: [
        { statusCode: '202', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': true } },
        { statusCode: '400' },
        { statusCode: '409' },
        { statusCode: '502' },
      ],
    });

    const fulfilmentIntegration = new apigateway.AwsIntegration({
      service: 'states',
      action: 'StartExecution',
      options: {
        credentialsRole: role,
        requestTemplates: { 'application/json': templates.startExecutionRequest(fulfilment.stateMachineArn) },
        integrationResponses: [
          { statusCode: '202', responseTemplates: { 'application/json': templates.fulfilmentResponse } },
          serviceError,
        ],
      },
    });
    api.root.addResource('fulfilments').addMethod('POST', fulfilmentIntegration, {
      requestValidator: validator,
      requestParameters: { 'method.request.header.Idempotency-Key': true },
      methodResponses: [{ statusCode: '202' }, { statusCode: '400' }, { statusCode: '409' }],
    });

    const productIntegration = new apigateway.AwsIntegration({
      service: 'dynamodb',
      action: 'GetItem',
      options: {
        credentialsRole: role,
        requestTemplates: { 'application/json': templates.getProductRequest(products.tableName) },
        integrationResponses: [
          { statusCode: '200', responseTemplates: { 'application/json': templates.getProductResponse } },
          serviceError,
        ],
      },
    });
    api.root
      .addResource('products')
      .addResource('{sku}')
      .addMethod('GET', productIntegration, {
        methodResponses: [{ statusCode: '200' }, { statusCode: '400' }, { statusCode: '404' }],
      });

    const getOrder = new E2eFunction(this, 'GetOrderFunction', {
      entry: handlerEntry('get-order'),
      serviceName: 'orders',
    });
    api.root
      .addResource('orders')
      .addResource('{orderId}')
      .addMethod('GET', new apigateway.LambdaIntegration(getOrder), {
        authorizer,
        authorizationType: apigateway.AuthorizationType.COGNITO,
      });

    new CfnOutput(this, 'ApiUrl', { value: api.url });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'CheckoutStateMachineArn', { value: checkout.stateMachineArn });
    new CfnOutput(this, 'FulfilmentStateMachineArn', { value: fulfilment.stateMachineArn });
    new CfnOutput(this, 'ProductsTableName', { value: products.tableName });
  }
}

/**
 * Synthesizes the "RestCheckout" stack into `outdir` (bundling its function with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthRestCheckoutApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthRestCheckoutApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new RestCheckoutStack(app, 'RestCheckout');
  app.synth();
  return outdir;
}
