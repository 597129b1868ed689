import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { E2eFunction, handlerEntry, newE2eApp } from './service-function';

/**
 * The Shop's request path in miniature: an HTTP API behind a Cognito JWT authorizer, a function that publishes
 * Order.OrderPlaced on a custom bus, a rule that queues it, and a consumer that writes the orders read model.
 */
class OrdersApiStack extends Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const users = new cognito.UserPool(this, 'Customers', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const client = users.addClient('StorefrontClient', { authFlows: { userPassword: true } });
    const bus = new events.EventBus(this, 'ShopBus');
    const table = new dynamodb.TableV2(this, 'OrdersReadModel', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: RemovalPolicy.DESTROY,
    });

    const placeOrder = new E2eFunction(this, 'PlaceOrderFunction', {
      entry: handlerEntry('place-order'),
      serviceName: 'orders',
      environment: { EVENT_BUS_NAME: bus.eventBusName },
    });
    bus.grantPutEventsTo(placeOrder);
    const api = new apigwv2.HttpApi(this, 'ShopApi', {
      defaultAuthorizer: new HttpUserPoolAuthorizer('Customers', users, { userPoolClients: [client] }),
    });
    api.addRoutes({ path: '/orders', methods: [apigwv2.HttpMethod.POST], integration: new HttpLambdaIntegration('PlaceOrder', placeOrder) });

    const placedOrders = new sqs.Queue(this, 'PlacedOrdersQueue', { visibilityTimeout: Duration.seconds(10) });
    new events.Rule(this, 'OrderPlacedRule', {
      eventBus: bus,
      eventPattern: { source: ['shop.orders'], detailType: ['Order.OrderPlaced'] },
      targets: [new targets.SqsQueue(placedOrders)],
    });
    const recordOrder = new E2eFunction(this, 'RecordOrderFunction', {
      entry: handlerEntry('record-order'),
      serviceName: 'orders',
      environment: { TABLE_NAME: table.tableName },
    });
    recordOrder.addEventSource(new SqsEventSource(placedOrders, { batchSize: 10 }));
    table.grantWriteData(recordOrder);

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: users.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }
}

/**
 * Synthesizes the "OrdersApi" stack into `outdir` (bundling its functions with esbuild) and returns the folder.
 *
 * @example
 * const cdkOut = synthOrdersApiApp(mkdtempSync(join(tmpdir(), 'cdk-')));
 */
export function synthOrdersApiApp(outdir: string): string {
  const app = newE2eApp(outdir);
  new OrdersApiStack(app, 'OrdersApi');
  app.synth();
  return outdir;
}
