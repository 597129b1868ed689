import type { Rule, RuleState, Target } from '../engine/types';
import { ValidationError } from '../errors';
import { optionalString, page, requiredList, requiredString, type Input } from './input';
import type { Operation } from './operation';

const RULE_STATES = new Set<RuleState>(['ENABLED', 'DISABLED', 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS']);

function describeRule(rule: Rule, accountId: string) {
  return {
    Name: rule.name,
    Arn: rule.arn,
    EventPattern: rule.eventPattern,
    ScheduleExpression: rule.scheduleExpression,
    State: rule.state,
    Description: rule.description,
    RoleArn: rule.roleArn,
    ManagedBy: rule.managedBy,
    EventBusName: rule.eventBusName,
    CreatedBy: accountId,
  };
}

/** ListRules shows what DescribeRule shows, less the creator. */
function ruleSummary(rule: Rule) {
  const { CreatedBy: _createdBy, ...summary } = describeRule(rule, '');
  return summary;
}

function ruleState(input: Input): RuleState | undefined {
  const state = optionalString(input, 'State');
  if (state !== undefined && !RULE_STATES.has(state as RuleState)) {
    throw new ValidationError(`1 validation error detected: Value '${state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [${[...RULE_STATES].join(', ')}]`);
  }
  return state as RuleState | undefined;
}

/** The rule and target operations of the EventBridge API. */
export const ruleOperations: Record<string, Operation> = {
  PutRule: (engine, input) => {
    const rule = engine.buses.putRule({
      name: requiredString(input, 'Name'),
      eventBusName: optionalString(input, 'EventBusName'),
      eventPattern: optionalString(input, 'EventPattern'),
      scheduleExpression: optionalString(input, 'ScheduleExpression'),
      state: ruleState(input),
      description: optionalString(input, 'Description'),
      roleArn: optionalString(input, 'RoleArn'),
    });
    return { RuleArn: rule.arn };
  },
  DescribeRule: (engine, input) =>
    describeRule(engine.buses.rule(optionalString(input, 'EventBusName'), requiredString(input, 'Name')), engine.accountId),
  ListRules: (engine, input) => {
    const rules = engine.buses.listRules(optionalString(input, 'EventBusName'), optionalString(input, 'NamePrefix'));
    const { items, NextToken } = page(rules, input);
    return { Rules: items.map(ruleSummary), NextToken };
  },
  DeleteRule: (engine, input) => {
    engine.buses.deleteRule(optionalString(input, 'EventBusName'), requiredString(input, 'Name'), input.Force === true);
    return {};
  },
  EnableRule: (engine, input) => {
    engine.buses.setRuleState(optionalString(input, 'EventBusName'), requiredString(input, 'Name'), 'ENABLED');
    return {};
  },
  DisableRule: (engine, input) => {
    engine.buses.setRuleState(optionalString(input, 'EventBusName'), requiredString(input, 'Name'), 'DISABLED');
    return {};
  },
  PutTargets: (engine, input) => {
    const failed = engine.buses.putTargets(optionalString(input, 'EventBusName'), requiredString(input, 'Rule'), requiredList<Target>(input, 'Targets'));
    return { FailedEntryCount: failed.length, FailedEntries: failed };
  },
  RemoveTargets: (engine, input) => {
    engine.buses.removeTargets(optionalString(input, 'EventBusName'), requiredString(input, 'Rule'), requiredList<string>(input, 'Ids'));
    return { FailedEntryCount: 0, FailedEntries: [] };
  },
  ListTargetsByRule: (engine, input) => {
    const rule = engine.buses.rule(optionalString(input, 'EventBusName'), requiredString(input, 'Rule'));
    const { items, NextToken } = page([...rule.targets.values()], input);
    return { Targets: items, NextToken };
  },
  ListRuleNamesByTarget: (engine, input) => {
    const targetArn = requiredString(input, 'TargetArn');
    const rules = engine.buses.listRules(optionalString(input, 'EventBusName'));
    const names = rules.filter((rule) => [...rule.targets.values()].some((target) => target.Arn === targetArn)).map((rule) => rule.name);
    const { items, NextToken } = page(names, input);
    return { RuleNames: items, NextToken };
  },
};
