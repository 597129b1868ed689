import type { ApiMetricsSource } from '@shop/cdk-constructs';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';

export interface ApiAlarmsProps {
  /** The API as people name it in an alarm: 'HTTP API', 'Checkout API'. */
  readonly name: string;
  readonly api: ApiMetricsSource;
  /** p99 latency above which callers wait too long, sustained 3 of 5 minutes. */
  readonly p99LatencyThreshold: Duration;
  /** Whether a 5xx alarm is needed: CheckoutAlarms already has the checkout API's. @default true */
  readonly serverErrors?: boolean;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

const ONE_MINUTE = Duration.minutes(1);

/**
 * An API's alarms: any 5xx it answers (a fault of ours: clients' mistakes are 4xx), and a p99 latency above
 * `p99LatencyThreshold` for 3 of 5 minutes (sustained slowness, not one cold start).
 *
 * @example
 * new ApiAlarms(this, 'HttpApiAlarms', { name: 'HTTP API', api: httpApi, p99LatencyThreshold: Duration.seconds(2) });
 */
export class ApiAlarms extends Construct {
  readonly serverErrors: cloudwatch.Alarm | undefined;
  readonly latency: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ApiAlarmsProps) {
    super(scope, id);
    const { name, api } = props;
    this.serverErrors =
      props.serverErrors === false
        ? undefined
        : new cloudwatch.Alarm(this, 'ServerErrors', {
            alarmDescription: `The ${name} answered 5xx: a function failed or timed out. Check its access logs.`,
            metric: api.metricServerError({ period: ONE_MINUTE, statistic: cloudwatch.Stats.SUM }),
            threshold: 0,
            comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            // No requests, no errors.
            treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          });
    this.latency = new cloudwatch.Alarm(this, 'Latency', {
      alarmDescription: `The ${name}'s p99 latency stayed above ${props.p99LatencyThreshold.toMilliseconds()} ms.`,
      metric: api.metricLatency({ period: ONE_MINUTE, statistic: cloudwatch.Stats.p(99) }),
      threshold: props.p99LatencyThreshold.toMilliseconds(),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of this.alarms) alarm.addAlarmAction(...(props.alarmActions ?? []));
  }

  get alarms(): cloudwatch.Alarm[] {
    return [...(this.serverErrors ? [this.serverErrors] : []), this.latency];
  }
}
