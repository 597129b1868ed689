import { StepFunctionsApiError } from './api-errors';

/** One version an alias routes executions to, and its share of them (0 to 100). */
export interface AliasRoute {
  readonly versionArn: string;
  readonly weight: number;
}

/** What a StartExecution ARN resolves to: the state machine, and the version and alias the execution belongs to. */
export interface ResolvedStart {
  readonly stateMachineArn: string;
  /** Set when started through a version ARN, or through an alias (the version it routed to). */
  readonly versionArn?: string;
  /** Set only when started through an alias ARN. */
  readonly aliasArn?: string;
}

/** `arn:aws:states:region:account:stateMachine:name`: the first seven parts of any state machine ARN. */
export function unqualifiedArn(arn: string): string {
  return arn.split(':').slice(0, 7).join(':');
}

/**
 * The published versions and the aliases of the state machines. Step Functions associates an execution with
 * the version or alias of the ARN it was started with (an alias also with the version it routed to); an
 * unqualified ARN runs the latest revision, associated with neither.
 *
 * @example
 * qualifiers.publishVersion(`${machineArn}:1`);
 * qualifiers.createAlias(`${machineArn}:live`, [{ versionArn: `${machineArn}:1`, weight: 100 }]);
 * qualifiers.resolve(`${machineArn}:live`); // { stateMachineArn: machineArn, versionArn: '…:1', aliasArn: '…:live' }
 */
export class StateMachineQualifiers {
  private readonly versions = new Set<string>();
  private readonly aliases = new Map<string, readonly AliasRoute[]>();

  constructor(private readonly random: () => number = Math.random) {}

  publishVersion(versionArn: string): void {
    this.versions.add(versionArn);
  }

  /** Routes are one version (weight 100), or two whose weights add up to 100, as UpdateStateMachineAlias takes. */
  createAlias(aliasArn: string, routes: readonly AliasRoute[]): void {
    const total = routes.reduce((sum, route) => sum + route.weight, 0);
    if (routes.length === 0 || routes.length > 2 || total !== 100) {
      throw new StepFunctionsApiError('ValidationException', `Alias ${aliasArn} must route 100% to one or two versions`);
    }
    for (const { versionArn } of routes) {
      if (!this.versions.has(versionArn)) {
        throw new StepFunctionsApiError('ResourceNotFound', `Resource not found: '${versionArn}'`);
      }
    }
    this.aliases.set(aliasArn, routes);
  }

  /** The state machine, version and alias a StartExecution (or ListExecutions) ARN names. */
  resolve(arn: string): ResolvedStart {
    const stateMachineArn = unqualifiedArn(arn);
    if (arn === stateMachineArn) return { stateMachineArn };
    if (/:\d+$/.test(arn)) {
      if (!this.versions.has(arn)) throw notFound(arn);
      return { stateMachineArn, versionArn: arn };
    }
    const routes = this.aliases.get(arn);
    if (!routes) throw notFound(arn);
    return { stateMachineArn, versionArn: this.pick(routes), aliasArn: arn };
  }

  private pick(routes: readonly AliasRoute[]): string {
    const roll = this.random() * 100;
    let reached = 0;
    for (const route of routes) {
      reached += route.weight;
      if (roll < reached) return route.versionArn;
    }
    return routes[routes.length - 1]!.versionArn;
  }
}

function notFound(arn: string): StepFunctionsApiError {
  return new StepFunctionsApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
}
