import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import { describe, expect, it } from 'vitest';
import { FunctionAlarms, type FunctionAlarmsProps } from './function-alarms';

// A plain inline function keeps these tests about alarms, not bundling.
function synth(timeout: Duration | undefined, props: Omit<FunctionAlarmsProps, 'fn'> = {}) {
  const stack = new Stack(new App(), 'TestStack');
  const fn = new lambda.Function(stack, 'PlaceOrderFunction', {
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    timeout,
  });
  const alarms = new FunctionAlarms(stack, 'PlaceOrderAlarms', { fn, ...props });
  const fnId = stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
  return { alarms, template: Template.fromStack(stack), dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }] };
}

describe('FunctionAlarms', () => {
  it('alarms on any error of the function', () => {
    const { template, dimensions } = synth(Duration.seconds(10));

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Namespace: 'AWS/Lambda',
      Dimensions: dimensions,
      Statistic: 'Sum',
      Period: 60,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 0,
      TreatMissingData: 'notBreaching',
    });
  });

  it('alarms on any throttle of the function', () => {
    const { template, dimensions } = synth(Duration.seconds(10));

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Throttles',
      Dimensions: dimensions,
      Statistic: 'Sum',
      Threshold: 0,
    });
  });

  it('alarms when p99 duration stays above 80% of the timeout', () => {
    const { template, dimensions } = synth(Duration.seconds(10));

    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      Dimensions: dimensions,
      ExtendedStatistic: 'p99',
      Threshold: 8000,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
    });
  });

  it('derives the duration threshold from the ratio and from Lambda’s 3 s default timeout', () => {
    const { template } = synth(undefined, { durationRatio: 0.5 });

    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', Threshold: 1500 });
  });

  it('adds the given actions to every alarm', () => {
    const stack = new Stack(new App(), 'ActionsStack');
    const topic = new sns.Topic(stack, 'AlarmTopic');
    const fn = new lambda.Function(stack, 'Fn', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    new FunctionAlarms(stack, 'Alarms', { fn, alarmActions: [new actions.SnsAction(topic)] });

    const alarms = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'));

    expect(alarms).toHaveLength(3);
    const topicId = stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('exposes the three alarms for canary rollbacks', () => {
    const { alarms, template } = synth(Duration.seconds(10));

    expect(alarms.alarms).toEqual([alarms.errors, alarms.throttles, alarms.duration]);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 3);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: Match.absent() });
  });
});
