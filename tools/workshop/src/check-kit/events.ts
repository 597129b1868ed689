import { eventDefinitions, type AnyEventDefinition } from '@shop/events';
import { targetInput } from '../../../../libs/local-cloud/src/eventbridge/engine/input-transform';
import { testEventPattern } from '../../../../libs/local-cloud/src/eventbridge/engine/test-event-pattern';
import type { EventEnvelope, Target } from '../../../../libs/local-cloud/src/eventbridge/engine/types';

/**
 * A catalog event as EventBridge delivers it: the envelope around the definition's sample detail.
 *
 * @example
 * sampleEvent(OrderConfirmed)['detail-type'] // 'Order.OrderConfirmed'
 */
export function sampleEvent(definition: AnyEventDefinition, detail: unknown = definition.sampleDetail): EventEnvelope {
  return {
    version: '0',
    id: `evt-${definition.key}`,
    'detail-type': definition.detailType,
    source: definition.source,
    account: '123456789012',
    time: '2025-03-14T11:05:11Z',
    region: 'eu-west-1',
    resources: [],
    detail: detail as EventEnvelope['detail'],
  };
}

/**
 * Whether an EventBridge pattern (as synthesized: the rule's `EventPattern`) matches an event, decided by the
 * local cloud's implementation of EventBridge's pattern grammar (TestEventPattern).
 *
 * @example
 * patternMatches(rule.Properties.EventPattern, sampleEvent(OrderConfirmed)) // true
 */
export function patternMatches(pattern: unknown, event: EventEnvelope): boolean {
  return testEventPattern(JSON.stringify(pattern), JSON.stringify(event));
}

/** The keys (`Order.OrderConfirmed.v1`) of every catalog event the pattern matches, from their samples. */
export function catalogEventsMatching(pattern: unknown): string[] {
  return eventDefinitions.filter((d) => patternMatches(pattern, sampleEvent(d))).map((d) => d.key);
}

/** A rule target as synthesized: its `Arn` is still a token (`{ Ref }`, `{ Fn::GetAtt }`). */
export type SynthesizedTarget = Omit<Target, 'Arn' | 'Id'> & { readonly Id?: string; readonly Arn?: unknown };

/**
 * What a rule target receives for an event, input transformer applied, as the local cloud delivers it.
 *
 * @example
 * deliveredInput(rule.Properties.Targets[0], sampleEvent(OrderCancelled)) // '"Order ord_… was cancelled…"'
 */
export function deliveredInput(target: SynthesizedTarget, event: EventEnvelope): string {
  return targetInput({ ...target, Id: target.Id ?? 'Target0', Arn: 'arn:aws:sns:eu-west-1:123456789012:target' }, {
    event,
    ruleName: 'rule',
    ruleArn: 'arn:aws:events:eu-west-1:123456789012:rule/shop/rule',
    ingestionTime: event.time,
  });
}
