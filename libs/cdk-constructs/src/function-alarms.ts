import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/** Lambda's own default, used when the function sets no timeout. */
const LAMBDA_DEFAULT_TIMEOUT = Duration.seconds(3);
export const DEFAULT_DURATION_RATIO = 0.8;

export interface FunctionAlarmsProps {
  readonly fn: lambda.Function;
  /** p99 duration, as a fraction of the timeout, above which the function is about to time out. @default 0.8 */
  readonly durationRatio?: number;
  /** Actions (e.g. an SNS topic) added to every alarm. @default - none: alarms still drive canary rollbacks */
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

/**
 * The standard alarms of a function: any error, any throttle, and a p99 duration close to the timeout.
 * Use `alarms` as the rollback alarms of a canary deployment.
 *
 * @example
 * const alarms = new FunctionAlarms(this, 'PlaceOrderAlarms', { fn: placeOrder, alarmActions: [new SnsAction(topic)] });
 */
export class FunctionAlarms extends Construct {
  /** Errors (Sum over 1 minute) above 0. */
  readonly errors: cloudwatch.Alarm;
  /** Throttles (Sum over 1 minute) above 0: reserved concurrency or the account limit is too low. */
  readonly throttles: cloudwatch.Alarm;
  /** p99 duration above `durationRatio` of the timeout in 3 of 5 minutes. */
  readonly duration: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: FunctionAlarmsProps) {
    super(scope, id);
    const { fn } = props;
    const everyMinute = { period: Duration.minutes(1) };
    this.errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: 'The function threw or timed out. Check its logs and traces.',
      metric: fn.metricErrors({ ...everyMinute, statistic: cloudwatch.Stats.SUM }),
      ...anyDatapointAbove(0),
    });
    this.throttles = new cloudwatch.Alarm(this, 'Throttles', {
      alarmDescription: 'Invocations were throttled: raise reserved concurrency or the account limit.',
      metric: fn.metricThrottles({ ...everyMinute, statistic: cloudwatch.Stats.SUM }),
      ...anyDatapointAbove(0),
    });
    const timeoutMs = (fn.timeout ?? LAMBDA_DEFAULT_TIMEOUT).toMilliseconds();
    this.duration = new cloudwatch.Alarm(this, 'Duration', {
      alarmDescription: 'p99 duration is close to the timeout: requests are about to time out.',
      metric: fn.metricDuration({ ...everyMinute, statistic: cloudwatch.Stats.p(99) }),
      threshold: Math.floor(timeoutMs * (props.durationRatio ?? DEFAULT_DURATION_RATIO)),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      // Sustained, not one slow cold start: 3 of the last 5 minutes.
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of this.alarms) alarm.addAlarmAction(...(props.alarmActions ?? []));
  }

  get alarms(): cloudwatch.Alarm[] {
    return [this.errors, this.throttles, this.duration];
  }
}

function anyDatapointAbove(threshold: number) {
  return {
    threshold,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    evaluationPeriods: 1,
    // No invocations means no errors: missing data is healthy.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  };
}
