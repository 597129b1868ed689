import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

// Module scope: lives as long as the execution environment, as in Lambda.
const environmentId = randomUUID();
let invocations = 0;

interface CounterEvent {
  readonly sleepMs?: number;
  readonly fail?: string;
  readonly warn?: string;
}

/** Counts the invocations its environment served; sleeps, warns or throws on request. */
export const handler = async (event: CounterEvent, context: Context) => {
  invocations += 1;
  if (event.sleepMs) await new Promise((resolve) => setTimeout(resolve, event.sleepMs));
  if (event.fail) throw new TypeError(event.fail);
  if (event.warn) console.warn(event.warn);
  console.log(`invocation ${invocations} in ${environmentId}`);
  return {
    environmentId,
    pid: process.pid,
    invocations,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    region: process.env.AWS_REGION,
    endpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB,
    tableName: process.env.TABLE_NAME,
    invokedFunctionArn: context.invokedFunctionArn,
    remainingMs: context.getRemainingTimeInMillis(),
  };
};
