import { randomUUID } from 'node:crypto';
import type { JsonObject, LambdaInvoker, ResolvedResource } from '../core/contracts';
import { stackIdOf } from '../template';
import { CustomResourceFailedError } from './errors';
import { buildCreateRequest } from './request';
import { readAnswer, type ProviderAnswer } from './response';
import type { ResponseInbox } from './response-inbox';

/** What creating one custom resource needs. */
export interface CreateContext {
  readonly lambda: LambdaInvoker;
  readonly inbox: ResponseInbox;
  /** The longest wait for an answer; a resource's ServiceTimeout may shorten it. */
  readonly responseTimeoutMs: number;
}

export type Created = Extract<ProviderAnswer, { status: 'SUCCESS' }>;

/**
 * Creates one Lambda-backed custom resource as CloudFormation does: sends its function a Create request and
 * waits for the answer the function PUTs to the request's ResponseURL. The function's own result is not the
 * answer; its failure is (CloudFormation would retry the event twice and wait out the timeout instead).
 *
 * @throws CustomResourceFailedError when the answer is FAILED or invalid, the function fails, or no answer comes in time
 * @example
 * const created = await createCustomResource(seed, settledProperties, { lambda: ctx.ports.lambda, inbox, responseTimeoutMs: 300_000 });
 * created.physicalResourceId; // what Ref returns
 */
export async function createCustomResource(resource: ResolvedResource, properties: JsonObject, ctx: CreateContext): Promise<Created> {
  const functionArn = String(properties.ServiceToken);
  const requestId = randomUUID();
  const response = ctx.inbox.open();
  const request = buildCreateRequest(resource, { properties, responseUrl: response.url, requestId, stackId: stackIdFor(resource, functionArn) });
  const timeoutMs = timeoutOf(properties, ctx.responseTimeoutMs);
  let timer: NodeJS.Timeout | undefined;
  try {
    const functionFailed = new Promise<never>((_resolve, reject) => {
      ctx.lambda.invoke(functionArn, request).catch((err: unknown) => reject(new CustomResourceFailedError(resource, functionFailure(err), { cause: err })));
    });
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CustomResourceFailedError(resource, noAnswer(timeoutMs, requestId, functionArn))), timeoutMs);
    });
    const answer = readAnswer(await Promise.race([response.body, functionFailed, timedOut]));
    if (answer.status === 'FAILED') throw new CustomResourceFailedError(resource, `${answer.reason} (RequestId: ${requestId})`);
    return answer;
  } finally {
    clearTimeout(timer);
    response.close();
  }
}

/**
 * The StackId CloudFormation would send (the stack's `AWS::StackId`). A ServiceToken is a function of the
 * stack's own region and account (CloudFormation requires it), so its ARN tells them.
 */
function stackIdFor(resource: ResolvedResource, functionArn: string): string {
  const [, , , region = '', accountId = ''] = functionArn.split(':');
  return stackIdOf(resource.stackName, region, accountId);
}

/** The template's ServiceTimeout (seconds, 1 to 3600) if shorter than the local wait. */
function timeoutOf(properties: JsonObject, localMs: number): number {
  const seconds = Number(properties.ServiceTimeout);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, localMs) : localMs;
}

const functionNameOf = (functionArn: string) => functionArn.split(':')[6] ?? functionArn;

function functionFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // CDK's own providers (the Provider framework, AwsCustomResource) PUT with https.request to port 443 of
  // the URL's host, whatever its scheme and port: they cannot reach the local ResponseURL.
  const hint = /127\.0\.0\.1:443/.test(message) ? ' (the function sent its answer over HTTPS to port 443; the local ResponseURL is plain HTTP on the gateway port: PUT to the URL as given, e.g. with fetch)' : '';
  return `the function failed before answering: ${message}${hint}`;
}

function noAnswer(timeoutMs: number, requestId: string, functionArn: string): string {
  return (
    `CloudFormation did not receive a response from your custom resource within ${timeoutMs / 1000} s (RequestId: ${requestId}). ` +
    `Check the logs of ${functionNameOf(functionArn)} (local-cloud logs); the local wait is the plug-in's responseTimeoutMs or the resource's ServiceTimeout, whichever is shorter`
  );
}
