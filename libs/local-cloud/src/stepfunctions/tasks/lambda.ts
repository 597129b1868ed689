import { randomUUID } from 'node:crypto';
import type { Json, JsonObject } from '../../core/contracts';
import { StatesError } from '../asl/errors';
import type { IntegrationDeps } from './types';

/**
 * An error from the lambda port as Step Functions reports it: a function's own error keeps its errorType
 * as the error name and its error payload as the cause; service failures are `Lambda.<Exception>`.
 *
 * @example
 * lambdaTaskError(functionError); // StatesError { name: 'PaymentDeclined', message: '{"errorType":...}' }
 */
export function lambdaTaskError(err: unknown): StatesError {
  if (!(err instanceof Error)) return new StatesError('Lambda.ServiceException', String(err));
  const fields = err as Error & { errorType?: string; errorMessage?: string; trace?: Json; payload?: Json };
  switch (err.name) {
    case 'LambdaFunctionError': {
      const payload = isObject(fields.payload) ? fields.payload : undefined;
      const errorType = fields.errorType ?? stringField(payload, 'errorType') ?? 'Error';
      const errorMessage = fields.errorMessage ?? stringField(payload, 'errorMessage') ?? err.message;
      const cause = payload ?? { errorType, errorMessage, ...(fields.trace !== undefined && { trace: fields.trace }) };
      return new StatesError(errorType, JSON.stringify(cause));
    }
    case 'LambdaThrottledError':
      return new StatesError('Lambda.TooManyRequestsException', err.message);
    case 'LambdaNotFoundError':
      return new StatesError('Lambda.ResourceNotFoundException', err.message);
    default:
      return new StatesError('Lambda.ServiceException', err.message);
  }
}

/** A function ARN Resource: the effective input is the event, the function's result is the task result. */
export async function invokeFunction(deps: IntegrationDeps, functionArn: string, input: Json): Promise<Json> {
  try {
    return await deps.lambda.invoke(functionArn, input);
  } catch (err) {
    throw lambdaTaskError(err);
  }
}

/**
 * `arn:aws:states:::lambda:invoke`: FunctionName (+ Qualifier) and Payload in, the Invoke API response out
 * (the function's result under `Payload`, `StatusCode` 200), as documented for the optimized integration.
 */
export async function lambdaInvoke(deps: IntegrationDeps, parameters: Json): Promise<Json> {
  const params = isObject(parameters) ? parameters : {};
  const functionName = stringField(params, 'FunctionName');
  if (!functionName) throw new StatesError('States.Runtime', 'lambda:invoke needs a FunctionName parameter', { retryable: false, catchable: false });
  const qualifier = stringField(params, 'Qualifier');
  const alreadyQualified = (functionName.split(':function:')[1] ?? functionName).includes(':');
  const target = qualifier && !alreadyQualified ? `${functionName}:${qualifier}` : functionName;
  const result = await invokeFunction(deps, target, params.Payload ?? null);
  const requestId = randomUUID();
  const headers = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId };
  return {
    ExecutedVersion: '$LATEST',
    Payload: result,
    SdkHttpMetadata: { AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), HttpHeaders: headers, HttpStatusCode: 200 },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function stringField(value: JsonObject | undefined, key: string): string | undefined {
  const field = value?.[key];
  return typeof field === 'string' ? field : undefined;
}
