import { logger } from '@shop/lambda-kit';

/** What CloudFormation sends a custom resource's Lambda (the fields this function reads). */
export type CustomResourceEvent = {
  readonly RequestType: 'Create' | 'Update' | 'Delete';
  readonly ResponseURL: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  /** Absent on Create; then the id this function answers with. */
  readonly PhysicalResourceId?: string;
  readonly ResourceProperties?: Record<string, unknown>;
};

export type CustomResourceResponse = {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  readonly Data?: Record<string, unknown>;
};

/**
 * Runs `work` for a custom resource request and reports the outcome to CloudFormation: a PUT of the
 * response to the presigned ResponseURL, content type '' (the URL is signed without one), body under 4 KB.
 * Failures are reported as FAILED with a short reason, never thrown past the report: a function that
 * throws without answering leaves the stack waiting until the custom resource times out.
 */
export async function answerCustomResource(
  event: CustomResourceEvent,
  physicalResourceId: string,
  work: () => Promise<Record<string, unknown>>,
): Promise<CustomResourceResponse> {
  const ids = {
    PhysicalResourceId: event.PhysicalResourceId ?? physicalResourceId,
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
  };
  let response: CustomResourceResponse;
  try {
    response = { Status: 'SUCCESS', ...ids, Data: await work() };
  } catch (error) {
    logger.error('Custom resource request failed', { requestType: event.RequestType, error });
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'Unknown error';
    response = { Status: 'FAILED', Reason: `${reason.slice(0, 500)} (see the function's logs)`, ...ids };
  }
  await sendResponse(event.ResponseURL, response);
  return response;
}

async function sendResponse(url: string, response: CustomResourceResponse): Promise<void> {
  const body = JSON.stringify(response);
  const reply = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) },
    body,
  });
  // Thrown, so Lambda's retries of the asynchronous invoke try again to answer.
  if (!reply.ok) throw new Error(`CloudFormation's response URL answered ${reply.status}`);
}
