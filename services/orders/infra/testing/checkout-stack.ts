import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { StateMachineCanary, stateMachineDeployment } from '@shop/cdk-constructs';
import { CheckoutIntake } from '../checkout-intake';
import { CheckoutWorkflow } from '../checkout-workflow';
import { type Asl, definitionOf } from './asl';
import { logicalIdOf } from './template-queries';

/** @internal The sandbox URL the workflow fixtures call. */
export const PAYMENTS_URL = 'https://payments.example.com';

/**
 * @internal The two state machines in one stack, with stand-ins for what they call (a plain table, bus, secret
 * and an inline function), so the tests are about the definitions and their roles.
 */
export function checkoutStack() {
  const stack = new Stack(new App(), 'Checkout');
  const table = new dynamodb.TableV2(stack, 'Table', {
    partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'sk', type: dynamodb.AttributeType.STRING },
  });
  const bus = new events.EventBus(stack, 'Bus');
  const apiKeySecret = new secretsmanager.Secret(stack, 'PaymentsApiKey');
  const priceCheckout = new lambda.Function(stack, 'PriceCheckoutFunction', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const workflow = new CheckoutWorkflow(stack, 'Checkout', {
    table,
    bus,
    stageName: 'test',
    payments: { url: PAYMENTS_URL, apiKeySecret },
  });
  const priceCheckoutLive = new lambda.Alias(stack, 'PriceCheckoutLive', {
    aliasName: 'live',
    version: priceCheckout.currentVersion,
  });
  const checkoutLive = new StateMachineCanary(stack, 'CheckoutLive', {
    stateMachine: workflow.stateMachine,
    deployment: stateMachineDeployment('canary'),
  });
  const intake = new CheckoutIntake(stack, 'Intake', {
    priceCheckout: priceCheckoutLive,
    checkout: workflow.stateMachine,
    checkoutLive,
  });
  const template = Template.fromStack(stack);
  const asl = (construct: CheckoutWorkflow | CheckoutIntake): Asl =>
    definitionOf(template, logicalIdOf(construct.stateMachine));
  return {
    stack,
    table,
    bus,
    apiKeySecret,
    priceCheckout,
    priceCheckoutLive,
    workflow,
    checkoutLive,
    intake,
    template,
    asl,
  };
}
