import { LimitExceededError, ResourceAlreadyExistsError, ResourceNotFoundError, ValidationError } from '../errors';
import { compilePattern } from '../pattern';
import { Arns, busNameOf } from './arns';
import { BUS_NAME, requireMatch, requireRange, RULE_NAME, TARGET_ID } from './constraints';
import type { EventBus, Rule, RuleState, Target } from './types';

export interface RuleDefinition {
  readonly name: string;
  readonly eventBusName?: string;
  readonly eventPattern?: string;
  readonly scheduleExpression?: string;
  readonly state?: RuleState;
  readonly description?: string;
  readonly roleArn?: string;
}

export interface FailedTarget {
  readonly TargetId: string;
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** EventBridge allows five targets per rule. */
const MAX_TARGETS = 5;

/** The account's event buses with their rules and targets: every account has the `default` bus. */
export class BusRegistry {
  private readonly buses = new Map<string, EventBus>();

  constructor(
    private readonly arns: Arns,
    private readonly now: () => Date,
  ) {
    this.createBus('default');
  }

  createBus(name: string, description?: string): EventBus {
    requireMatch(name, 'name', BUS_NAME, 256);
    if (this.buses.has(name)) throw new ResourceAlreadyExistsError(`Event bus ${name} already exists.`);
    const bus: EventBus = { name, arn: this.arns.bus(name), description, createdAt: this.now(), rules: new Map() };
    this.buses.set(name, bus);
    return bus;
  }

  /** @throws ResourceNotFoundError when no bus has this name or ARN */
  bus(nameOrArn: string | undefined): EventBus {
    const name = busNameOf(nameOrArn);
    const bus = this.buses.get(name);
    if (!bus) throw new ResourceNotFoundError(`Event bus ${name} does not exist.`);
    return bus;
  }

  hasBus(nameOrArn: string | undefined): boolean {
    return this.buses.has(busNameOf(nameOrArn));
  }

  listBuses(namePrefix = ''): EventBus[] {
    return [...this.buses.values()].filter((bus) => bus.name.startsWith(namePrefix));
  }

  deleteBus(name: string): void {
    if (name === 'default') throw new ValidationError('Cannot delete event bus default.');
    this.buses.delete(name);
  }

  /** Creates or updates a rule; an update keeps the rule's targets. */
  putRule(definition: RuleDefinition): Rule {
    requireMatch(definition.name, 'name', RULE_NAME, 64);
    const bus = this.bus(definition.eventBusName);
    if (definition.eventPattern === undefined && definition.scheduleExpression === undefined) {
      throw new ValidationError('Parameter(s) EventPattern or ScheduleExpression must be specified.');
    }
    if (definition.scheduleExpression !== undefined && bus.name !== 'default') {
      throw new ValidationError('ScheduleExpression is supported only on the default event bus.');
    }
    const compiledPattern = definition.eventPattern === undefined ? undefined : compilePattern(definition.eventPattern);
    const rule: Rule = {
      name: definition.name,
      arn: this.arns.rule(bus.name, definition.name),
      eventBusName: bus.name,
      eventPattern: definition.eventPattern,
      compiledPattern,
      scheduleExpression: definition.scheduleExpression,
      state: definition.state ?? 'ENABLED',
      description: definition.description,
      roleArn: definition.roleArn,
      targets: bus.rules.get(definition.name)?.targets ?? new Map(),
    };
    bus.rules.set(rule.name, rule);
    return rule;
  }

  /** @throws ResourceNotFoundError when the bus has no such rule */
  rule(busNameOrArn: string | undefined, name: string): Rule {
    const bus = this.bus(busNameOrArn);
    const rule = bus.rules.get(name);
    if (!rule) throw new ResourceNotFoundError(`Rule ${name} does not exist on EventBus ${bus.name}.`);
    return rule;
  }

  listRules(busNameOrArn: string | undefined, namePrefix = ''): Rule[] {
    return [...this.bus(busNameOrArn).rules.values()].filter((rule) => rule.name.startsWith(namePrefix));
  }

  deleteRule(busNameOrArn: string | undefined, name: string, force = false): void {
    const bus = this.bus(busNameOrArn);
    const rule = bus.rules.get(name);
    if (!rule) return;
    if (rule.targets.size > 0 && !force) throw new ValidationError("Rule can't be deleted since it has targets.");
    bus.rules.delete(name);
  }

  setRuleState(busNameOrArn: string | undefined, name: string, state: RuleState): void {
    const rule = this.rule(busNameOrArn, name);
    this.bus(busNameOrArn).rules.set(name, { ...rule, state });
  }

  /** Adds or replaces targets by Id; targets EventBridge would refuse come back as failed entries. */
  putTargets(busNameOrArn: string | undefined, ruleName: string, targets: readonly Target[]): FailedTarget[] {
    const rule = this.rule(busNameOrArn, ruleName);
    targets.forEach((target, index) => validateTarget(target, index + 1));
    const added = targets.filter((target) => !rule.targets.has(target.Id)).length;
    if (rule.targets.size + added > MAX_TARGETS) throw new LimitExceededError('The requested resource exceeds the maximum number allowed.');
    const failed: FailedTarget[] = [];
    for (const target of targets) {
      const inputs = [target.Input, target.InputPath, target.InputTransformer].filter((input) => input !== undefined);
      if (inputs.length > 1) {
        failed.push({ TargetId: target.Id, ErrorCode: 'ValidationException', ErrorMessage: 'Only one of Input, InputPath, or InputTransformer must be provided.' });
      } else {
        rule.targets.set(target.Id, target);
      }
    }
    return failed;
  }

  removeTargets(busNameOrArn: string | undefined, ruleName: string, ids: readonly string[]): void {
    const rule = this.rule(busNameOrArn, ruleName);
    for (const id of ids) rule.targets.delete(id);
  }
}

function validateTarget(target: Target, position: number): void {
  const at = `targets.${position}.member`;
  requireMatch(target.Id ?? '', `${at}.id`, TARGET_ID, 64);
  if (!target.Arn) throw new ValidationError(`1 validation error detected: Value null at '${at}.arn' failed to satisfy constraint: Member must not be null`);
  requireRange(target.RetryPolicy?.MaximumRetryAttempts, `${at}.retryPolicy.maximumRetryAttempts`, 0, 185);
  requireRange(target.RetryPolicy?.MaximumEventAgeInSeconds, `${at}.retryPolicy.maximumEventAgeInSeconds`, 60, 86_400);
}
