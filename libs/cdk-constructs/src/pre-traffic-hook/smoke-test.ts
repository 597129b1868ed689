import { type CodeDeployClient, PutLifecycleEventHookExecutionStatusCommand } from '@aws-sdk/client-codedeploy';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/** What CodeDeploy sends a lifecycle hook: which deployment, and which hook execution to report on. */
export interface LifecycleHookEvent {
  readonly DeploymentId: string;
  readonly LifecycleEventHookExecutionId: string;
}

export interface SmokeTestDependencies {
  readonly lambda: Pick<LambdaClient, 'send'>;
  readonly codeDeploy: Pick<CodeDeployClient, 'send'>;
  /** The qualified ARN of the version about to receive traffic. */
  readonly targetVersionArn: string;
  /** The event the new version is invoked with, as JSON. */
  readonly smokeEvent: string;
  readonly log?: (line: Record<string, unknown>) => void;
}

export type SmokeTestOutcome = { readonly passed: true } | { readonly passed: false; readonly reason: string };

/**
 * Makes the pre-traffic hook: invoke the new version once with the smoke event, then tell CodeDeploy whether
 * it may shift traffic. The version passes when it returns without a function error and, if it answers like an
 * HTTP handler, with a status below 500 (a 404 for a smoke id still proves the code runs and reaches its data).
 * It reports `Failed` rather than throwing: a hook that never reports leaves the deployment waiting for an hour.
 *
 * @example
 * export const handler = makeSmokeTest({ lambda, codeDeploy, targetVersionArn, smokeEvent: '{}' });
 */
export function makeSmokeTest(deps: SmokeTestDependencies) {
  const log = deps.log ?? ((line) => console.log(JSON.stringify(line)));
  return async (event: LifecycleHookEvent): Promise<SmokeTestOutcome> => {
    const outcome = await invokeNewVersion(deps);
    log({ message: 'Smoke test of the new version', targetVersionArn: deps.targetVersionArn, ...outcome });
    await deps.codeDeploy.send(
      new PutLifecycleEventHookExecutionStatusCommand({
        deploymentId: event.DeploymentId,
        lifecycleEventHookExecutionId: event.LifecycleEventHookExecutionId,
        status: outcome.passed ? 'Succeeded' : 'Failed',
      }),
    );
    return outcome;
  };
}

async function invokeNewVersion({ lambda, targetVersionArn, smokeEvent }: SmokeTestDependencies) {
  try {
    const response = await lambda.send(
      new InvokeCommand({ FunctionName: targetVersionArn, Payload: new TextEncoder().encode(smokeEvent) }),
    );
    if (response.FunctionError) return failed(`function error ${response.FunctionError}: ${decode(response.Payload)}`);
    const statusCode = httpStatusOf(decode(response.Payload));
    if (statusCode !== undefined && statusCode >= 500) return failed(`answered HTTP ${statusCode}`);
    return { passed: true } as const;
  } catch (error) {
    return failed(`could not invoke: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function failed(reason: string): SmokeTestOutcome {
  return { passed: false, reason };
}

function decode(payload: Uint8Array | undefined): string {
  return payload ? new TextDecoder().decode(payload) : '';
}

function httpStatusOf(body: string): number | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const statusCode = (parsed as { statusCode?: unknown } | null)?.statusCode;
    return typeof statusCode === 'number' ? statusCode : undefined;
  } catch {
    // Not JSON: not an HTTP-shaped answer, so there is no status to judge.
    return undefined;
  }
}
