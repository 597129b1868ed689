import { SERVICE_FUNCTION_DEFAULTS } from '@shop/cdk-constructs';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import { BUSINESS_METRICS, type BusinessMetric } from './business-metrics';

export interface BusinessDashboardProps {
  /** e.g. 'prod': the dashboard's title. */
  readonly stageName: string;
  /** Alarms a business owner cares about (the storefront canary, checkout failures). @default - none */
  readonly alarms?: readonly cloudwatch.IAlarm[];
}

const NAMESPACE = SERVICE_FUNCTION_DEFAULTS.metricsNamespace;
const FIVE_MINUTES = Duration.minutes(5);
const WIDTH = 8;

function metric(m: BusinessMetric, statistic: string = cloudwatch.Stats.SUM, label?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: NAMESPACE,
    metricName: m.name,
    dimensionsMap: { service: m.service },
    statistic,
    period: FIVE_MINUTES,
    label: label ?? m.name,
  });
}

/**
 * The shop as its owners see it: orders placed, confirmed and cancelled (by reason), revenue, invoices issued and
 * how long a checkout takes, from the services' EMF metrics in the `Shop` namespace.
 *
 * @example
 * new BusinessDashboard(this, 'BusinessDashboard', { stageName: config.stageName, alarms: [canary.failed] });
 */
export class BusinessDashboard extends Construct {
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: BusinessDashboardProps) {
    super(scope, id);
    const m = BUSINESS_METRICS;
    const cancelledByReason = new cloudwatch.MathExpression({
      // One line per reason, whatever reasons the workflow reports: no list to keep in step.
      expression: `SEARCH('{${NAMESPACE},reason,service} MetricName="${m.ordersCancelled.name}" service="${m.ordersCancelled.service}"', 'Sum', 300)`,
      usingMetrics: {},
      label: 'Cancelled',
      period: FIVE_MINUTES,
    });
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
      widgets: [
        [new cloudwatch.TextWidget({ markdown: `# Shop (${props.stageName}): business`, width: 24, height: 1 })],
        ...(props.alarms?.length ? [[new cloudwatch.AlarmStatusWidget({ alarms: [...props.alarms], width: 24 })]] : []),
        [
          new cloudwatch.GraphWidget({
            title: 'Orders',
            left: [metric(m.ordersPlaced, undefined, 'Placed'), metric(m.ordersConfirmed, undefined, 'Confirmed')],
            right: [metric(m.checkoutsRefused, undefined, 'Refused at checkout')],
            width: WIDTH,
          }),
          new cloudwatch.GraphWidget({ title: 'Cancelled orders by reason', left: [cancelledByReason], width: WIDTH }),
          new cloudwatch.GraphWidget({
            title: 'Revenue (minor units)',
            left: [metric(m.revenue, undefined, 'Revenue')],
            width: WIDTH,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Checkout duration (ms)',
            left: [
              metric(m.checkoutDuration, cloudwatch.Stats.p(50), 'p50'),
              metric(m.checkoutDuration, cloudwatch.Stats.p(99), 'p99'),
            ],
            width: WIDTH * 2,
          }),
          new cloudwatch.SingleValueWidget({
            title: 'Invoices issued',
            metrics: [metric(m.invoicesIssued, undefined, 'Issued')],
            width: WIDTH,
          }),
        ],
      ],
    });
  }
}
