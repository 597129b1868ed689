import { DEFAULT_DURATION_RATIO, SERVICE_FUNCTION_DEFAULTS } from '@shop/cdk-constructs';
import { Duration } from 'aws-cdk-lib';
import type * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

/** The metric PriceCheckout adds for every checkout it refuses on purpose (src/handlers/workflow/price-checkout.ts). */
export const CHECKOUT_REFUSED_METRIC = 'CheckoutRefused';

export interface CheckoutAlarmsProps {
  readonly checkout: sfn.StateMachine;
  readonly intake: sfn.StateMachine;
  readonly priceCheckout: lambda.Function;
  readonly restApi: apigateway.RestApi;
  readonly alarmActions?: cloudwatch.IAlarmAction[];
}

const everyMinute = { period: Duration.minutes(1), statistic: cloudwatch.Stats.SUM };

/**
 * PriceCheckout's faults: it throws its refusals too (the intake catches them by name), so Lambda's Errors
 * minus the refusals it counts. Of the whole function (`priceCheckout`) for the service's alarm, or of its
 * live alias for the canary's rollback.
 *
 * @example
 * new LiveAlias(this, 'PriceCheckoutLive', { fn, deploymentConfig, faults: priceCheckoutFaults });
 */
export function priceCheckoutFaults(fn: lambda.IFunction): cloudwatch.IMetric {
  return new cloudwatch.MathExpression({
    expression: 'errors - FILL(refused, 0)',
    usingMetrics: {
      errors: fn.metricErrors(everyMinute),
      refused: new cloudwatch.Metric({
        namespace: SERVICE_FUNCTION_DEFAULTS.metricsNamespace,
        metricName: CHECKOUT_REFUSED_METRIC,
        dimensionsMap: { service: 'orders' },
        ...everyMinute,
      }),
    },
    period: Duration.minutes(1),
  });
}

/**
 * The checkout's alarms, where a failure means a fault and never a customer's mistake:
 * - a FAILED or TIMED_OUT Checkout execution (business failures end CANCELLED, in a Succeed state);
 * - a TIMED_OUT intake (its FAILED executions are mostly refusals: an empty cart, a declined brand);
 * - PriceCheckout's faults: its refusals are thrown too, so Lambda's Errors minus the refusals it counts;
 *   its throttles and its duration near the timeout, as FunctionAlarms has them;
 * - any 5xx the checkout API answers.
 */
export class CheckoutAlarms extends Construct {
  readonly alarms: cloudwatch.Alarm[];

  constructor(scope: Construct, id: string, props: CheckoutAlarmsProps) {
    super(scope, id);
    const { checkout, intake, priceCheckout, restApi } = props;
    const anyOf = (alarmId: string, alarmDescription: string, metric: cloudwatch.IMetric) =>
      new cloudwatch.Alarm(this, alarmId, {
        alarmDescription,
        metric,
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No executions, no requests: nothing failed.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    const faults = priceCheckoutFaults(priceCheckout);
    this.alarms = [
      anyOf(
        'CheckoutFailed',
        'A Checkout execution FAILED: a fault (outcomes end CANCELLED). Redrive it once fixed.',
        checkout.metricFailed(everyMinute),
      ),
      anyOf(
        'CheckoutTimedOut',
        'A Checkout execution timed out before CONFIRMED or CANCELLED. Find its order.',
        checkout.metricTimedOut(everyMinute),
      ),
      anyOf(
        'IntakeTimedOut',
        'A checkout request timed out in the intake: PriceCheckout or Step Functions is slow.',
        intake.metricTimedOut(everyMinute),
      ),
      anyOf('PriceCheckoutFaults', 'PriceCheckout failed for a reason other than a refusal. Check its logs.', faults),
      anyOf(
        'PriceCheckoutThrottles',
        'PriceCheckout was throttled: raise its concurrency.',
        priceCheckout.metricThrottles(everyMinute),
      ),
      this.durationAlarm(priceCheckout),
      anyOf(
        'CheckoutApiFaults',
        'POST /checkout answered 5xx: the payment sandbox is down, or a fault.',
        restApi.metricServerError(everyMinute),
      ),
    ];
    for (const alarm of this.alarms) alarm.addAlarmAction(...(props.alarmActions ?? []));
  }

  private durationAlarm(fn: lambda.Function): cloudwatch.Alarm {
    const timeout = fn.timeout ?? SERVICE_FUNCTION_DEFAULTS.timeout;
    return new cloudwatch.Alarm(this, 'PriceCheckoutDuration', {
      alarmDescription: 'PriceCheckout’s p99 duration is close to its timeout: checkouts are about to time out.',
      metric: fn.metricDuration({ period: Duration.minutes(1), statistic: cloudwatch.Stats.p(99) }),
      threshold: Math.floor(timeout.toMilliseconds() * DEFAULT_DURATION_RATIO),
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 5,
      datapointsToAlarm: 3,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
