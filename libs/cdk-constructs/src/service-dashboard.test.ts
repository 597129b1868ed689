import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { describe, expect, it } from 'vitest';
import { ServiceDashboard } from './service-dashboard';
import { dashboardWidgets } from './testing';

function anOrdersService() {
  const stack = new Stack(new App(), 'Orders');
  const fn = new lambda.Function(stack, 'PlaceOrder', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
  });
  const deadLetterQueue = new sqs.Queue(stack, 'InboxDeadLetters');
  const queue = new sqs.Queue(stack, 'Inbox', { deadLetterQueue: { queue: deadLetterQueue, maxReceiveCount: 5 } });
  const checkout = new sfn.StateMachine(stack, 'Checkout', {
    definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'ConfirmOrder')),
  });
  const httpApi = new apigwv2.HttpApi(stack, 'Api');
  const errors = new cloudwatch.Alarm(stack, 'PlaceOrderErrors', {
    metric: fn.metricErrors(),
    threshold: 0,
    evaluationPeriods: 1,
  });
  new ServiceDashboard(stack, 'Dashboard', {
    serviceName: 'orders',
    functions: [fn],
    queues: [{ queue, deadLetterQueue }],
    stateMachines: [checkout],
    apis: [{ name: 'HTTP API', api: httpApi }],
    alarms: [errors],
  });
  const [widgets = []] = dashboardWidgets(Template.fromStack(stack));
  return { widgets, titles: widgets.map((w) => w.properties.title ?? w.properties.markdown) };
}

function metricNamesOf(widgets: ReturnType<typeof anOrdersService>['widgets'], title: string) {
  const widget = widgets.find((w) => w.properties.title === title);
  return (widget?.properties.metrics ?? []).map((m) => `${String(m[0])}/${String(m[1])}`);
}

describe('ServiceDashboard', () => {
  it("opens with the service's name and its alarms", () => {
    const { widgets } = anOrdersService();

    expect(widgets[0]?.properties.markdown).toBe('# orders');
    expect(widgets[1]).toMatchObject({ type: 'alarm', properties: { title: 'Alarms', alarms: ['${TOKEN}'] } });
  });

  it("shows the API's requests, 4xx and 5xx, and p99 latency", () => {
    const { widgets } = anOrdersService();

    expect(metricNamesOf(widgets, 'HTTP API: requests and errors')).toEqual([
      'AWS/ApiGateway/Count',
      'AWS/ApiGateway/4xx',
      'AWS/ApiGateway/5xx',
    ]);
    expect(metricNamesOf(widgets, 'HTTP API: p99 latency (ms)')).toEqual(['AWS/ApiGateway/Latency']);
  });

  it("shows each function's invocations, errors, throttles and p99 duration", () => {
    const { widgets } = anOrdersService();

    expect(metricNamesOf(widgets, 'PlaceOrder: invocations, errors, throttles')).toEqual([
      'AWS/Lambda/Invocations',
      'AWS/Lambda/Errors',
      'AWS/Lambda/Throttles',
    ]);
    expect(metricNamesOf(widgets, 'PlaceOrder: p99 duration (ms)')).toEqual(['AWS/Lambda/Duration']);
  });

  it("shows each workflow's started, succeeded, failed, timed-out and aborted executions", () => {
    const { widgets } = anOrdersService();

    expect(metricNamesOf(widgets, 'Checkout: executions')).toEqual([
      'AWS/States/ExecutionsStarted',
      'AWS/States/ExecutionsSucceeded',
      'AWS/States/ExecutionsFailed',
      'AWS/States/ExecutionsTimedOut',
      'AWS/States/ExecutionsAborted',
    ]);
  });

  it("shows each queue's backlog and its DLQ's depth", () => {
    const { widgets } = anOrdersService();

    expect(metricNamesOf(widgets, 'Inbox: backlog')).toEqual([
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/SQS/ApproximateAgeOfOldestMessage',
    ]);
    expect(metricNamesOf(widgets, 'InboxDeadLetters: messages waiting (should be 0)')).toEqual([
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
    ]);
  });
});
