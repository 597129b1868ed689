import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** What both API Gateway flavours (HttpApi, RestApi) offer, so a dashboard takes either. */
export interface ApiMetricsSource {
  metricCount(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricClientError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricServerError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
  metricLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric;
}

export interface ServiceDashboardProps {
  /** e.g. 'orders': the dashboard's title. */
  readonly serviceName: string;
  readonly functions?: readonly lambda.IFunction[];
  /** Queues and their DLQs, as `QueueWithDlq` has them. */
  readonly queues?: readonly { readonly queue: sqs.IQueue; readonly deadLetterQueue: sqs.IQueue }[];
  readonly stateMachines?: readonly sfn.IStateMachine[];
  readonly apis?: readonly { readonly name: string; readonly api: ApiMetricsSource }[];
  /** Shown as one alarm status widget, the first thing on the page. */
  readonly alarms?: readonly cloudwatch.IAlarm[];
}

const PERIOD = Duration.minutes(1);
const sum = { period: PERIOD, statistic: cloudwatch.Stats.SUM };
const p99 = { period: PERIOD, statistic: cloudwatch.Stats.p(99) };
const max = { period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM };
const FULL = 24;
const HALF = 12;

/**
 * One CloudWatch dashboard per service: its alarms, then a row per resource kind (API, functions, workflows,
 * queues and DLQs) with the signals that tell whether it behaves: traffic, errors, latency, backlog.
 *
 * @example
 * new ServiceDashboard(this, 'Dashboard', {
 *   serviceName: 'orders',
 *   functions: [placeOrder, priceCheckout],
 *   queues: [inbox],
 *   stateMachines: [checkout],
 *   apis: [{ name: 'HTTP API', api: httpApi }],
 *   alarms: functionAlarms.alarms,
 * });
 */
export class ServiceDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ServiceDashboardProps) {
    super(scope, id);
    // No dashboardName: a physical name would collide between stages sharing an account.
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(3),
      widgets: [
        [new cloudwatch.TextWidget({ markdown: `# ${props.serviceName}`, width: FULL, height: 1 })],
        ...alarmRows(props.alarms ?? []),
        ...(props.apis ?? []).map(({ name, api }) => apiRow(name, api)),
        ...(props.functions ?? []).map(functionRow),
        ...(props.stateMachines ?? []).map(stateMachineRow),
        ...(props.queues ?? []).map(({ queue, deadLetterQueue }) => queueRow(queue, deadLetterQueue)),
      ],
    });
  }
}

function alarmRows(alarms: readonly cloudwatch.IAlarm[]): cloudwatch.IWidget[][] {
  if (alarms.length === 0) return [];
  return [[new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: [...alarms], width: FULL })]];
}

function apiRow(name: string, api: ApiMetricsSource): cloudwatch.IWidget[] {
  return [
    new cloudwatch.GraphWidget({
      title: `${name}: requests and errors`,
      left: [api.metricCount(sum), api.metricClientError(sum), api.metricServerError(sum)],
      width: HALF,
    }),
    new cloudwatch.GraphWidget({ title: `${name}: p99 latency (ms)`, left: [api.metricLatency(p99)], width: HALF }),
  ];
}

function functionRow(fn: lambda.IFunction): cloudwatch.IWidget[] {
  return [
    new cloudwatch.GraphWidget({
      title: `${fn.node.id}: invocations, errors, throttles`,
      left: [fn.metricInvocations(sum), fn.metricErrors(sum), fn.metricThrottles(sum)],
      width: HALF,
    }),
    new cloudwatch.GraphWidget({
      title: `${fn.node.id}: p99 duration (ms)`,
      left: [fn.metricDuration(p99)],
      width: HALF,
    }),
  ];
}

function stateMachineRow(machine: sfn.IStateMachine): cloudwatch.IWidget[] {
  return [
    new cloudwatch.GraphWidget({
      title: `${machine.node.id}: executions`,
      left: [machine.metricStarted(sum), machine.metricSucceeded(sum)],
      right: [machine.metricFailed(sum), machine.metricTimedOut(sum), machine.metricAborted(sum)],
      width: HALF,
    }),
    new cloudwatch.GraphWidget({
      title: `${machine.node.id}: p99 duration (ms)`,
      left: [machine.metricTime(p99)],
      width: HALF,
    }),
  ];
}

function queueRow(queue: sqs.IQueue, deadLetterQueue: sqs.IQueue): cloudwatch.IWidget[] {
  return [
    new cloudwatch.GraphWidget({
      title: `${queue.node.id}: backlog`,
      left: [queue.metricApproximateNumberOfMessagesVisible(max)],
      right: [queue.metricApproximateAgeOfOldestMessage(max)],
      width: HALF,
    }),
    new cloudwatch.SingleValueWidget({
      title: `${deadLetterQueue.node.id}: messages waiting (should be 0)`,
      metrics: [deadLetterQueue.metricApproximateNumberOfMessagesVisible(max)],
      width: HALF,
    }),
  ];
}
