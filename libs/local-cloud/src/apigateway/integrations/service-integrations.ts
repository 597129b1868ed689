import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { StartExecutionCommand, StartSyncExecutionCommand, StopExecutionCommand } from '@aws-sdk/client-sfn';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { UnsupportedIntegrationError } from '../errors';
import type { ApiResponse } from '../http/api-response';
import type { ServiceClients } from './service-clients';

/** Request parameters after mapping: absent sources are left out. */
export type ServiceParameters = Readonly<Record<string, string | undefined>>;

type SubtypeCall = (p: ServiceParameters, clients: ServiceClients) => Promise<ApiResponse>;

/** The subtypes emulated, each calling the service with the SDK and answering with the service's JSON. */
const SUBTYPES: Readonly<Record<string, SubtypeCall>> = {
  'StepFunctions-StartExecution': async (p, clients) => {
    const out = await clients.stepFunctions(p.Region).send(new StartExecutionCommand({ stateMachineArn: p.StateMachineArn, name: p.Name, input: p.Input }));
    return awsJson('1.0', { executionArn: out.executionArn, startDate: epochSeconds(out.startDate) });
  },
  'StepFunctions-StartSyncExecution': async (p, clients) => {
    const { $metadata: _m, ...out } = await clients
      .stepFunctions(p.Region)
      .send(new StartSyncExecutionCommand({ stateMachineArn: p.StateMachineArn, name: p.Name, input: p.Input, traceHeader: p.TraceHeader }));
    return awsJson('1.0', { ...out, startDate: epochSeconds(out.startDate), stopDate: epochSeconds(out.stopDate) });
  },
  'StepFunctions-StopExecution': async (p, clients) => {
    const out = await clients.stepFunctions(p.Region).send(new StopExecutionCommand({ executionArn: p.ExecutionArn, cause: p.Cause, error: p.Error }));
    return awsJson('1.0', { stopDate: epochSeconds(out.stopDate) });
  },
  'EventBridge-PutEvents': async (p, clients) => {
    const entry = { Source: p.Source, DetailType: p.DetailType, Detail: p.Detail, EventBusName: p.EventBusName, Resources: listOf(p.Resources), Time: p.Time ? timeOf(p.Time) : undefined };
    const out = await clients.eventBridge(p.Region).send(new PutEventsCommand({ Entries: [entry] }));
    return awsJson('1.1', { Entries: out.Entries ?? [], FailedEntryCount: out.FailedEntryCount ?? 0 });
  },
  'SQS-SendMessage': async (p, clients) => {
    const out = await clients.sqs(p.Region).send(
      new SendMessageCommand({
        QueueUrl: p.QueueUrl,
        MessageBody: p.MessageBody,
        DelaySeconds: p.DelaySeconds === undefined ? undefined : Number(p.DelaySeconds),
        MessageAttributes: p.MessageAttributes ? JSON.parse(p.MessageAttributes) : undefined,
        MessageSystemAttributes: p.MessageSystemAttributes ? JSON.parse(p.MessageSystemAttributes) : undefined,
        MessageDeduplicationId: p.MessageDeduplicationId,
        MessageGroupId: p.MessageGroupId,
      }),
    );
    return sqsSendMessageResponse(out, out.$metadata.requestId);
  },
};

/** The integration subtypes this service emulates. */
export const SUPPORTED_SUBTYPES: readonly string[] = Object.keys(SUBTYPES);

/**
 * Calls the AWS service an integration subtype names, with its mapped request parameters, and returns what
 * API Gateway returns: the service's response (200 and its JSON), or the service's error status and message.
 *
 * @example
 * await callService('StepFunctions-StartExecution', { StateMachineArn: arn, Input: '{}' }, clients);
 * // { statusCode: 200, body: '{"executionArn":"...","startDate":1735689600.123}' }
 */
export async function callService(subtype: string, parameters: ServiceParameters, clients: ServiceClients): Promise<ApiResponse> {
  const call = SUBTYPES[subtype];
  if (!call) throw new UnsupportedIntegrationError(`Integration subtype ${subtype} is not emulated; supported: ${SUPPORTED_SUBTYPES.join(', ')}`);
  try {
    return await call(parameters, clients);
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === undefined) throw err;
    const { name, message } = err as Error;
    return { statusCode: status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ __type: name, message })) };
  }
}

function awsJson(version: '1.0' | '1.1', body: object): ApiResponse {
  return { statusCode: 200, headers: { 'content-type': `application/x-amz-json-${version}` }, body: Buffer.from(JSON.stringify(body)) };
}

/** SendMessage as API Gateway returns it: SQS's query-protocol result rendered as JSON. */
function sqsSendMessageResponse(out: { MessageId?: string; MD5OfMessageBody?: string; MD5OfMessageAttributes?: string; MD5OfMessageSystemAttributes?: string; SequenceNumber?: string }, requestId?: string): ApiResponse {
  const result = {
    MD5OfMessageAttributes: out.MD5OfMessageAttributes ?? null,
    MD5OfMessageBody: out.MD5OfMessageBody ?? null,
    MD5OfMessageSystemAttributes: out.MD5OfMessageSystemAttributes ?? null,
    MessageId: out.MessageId ?? null,
    SequenceNumber: out.SequenceNumber ?? null,
  };
  const body = { SendMessageResponse: { ResponseMetadata: { RequestId: requestId ?? null }, SendMessageResult: result } };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

function epochSeconds(date: Date | undefined): number | undefined {
  return date === undefined ? undefined : date.getTime() / 1000;
}

function listOf(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  if (value.trim().startsWith('[')) return (JSON.parse(value) as unknown[]).map(String);
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function timeOf(value: string): Date {
  return /^\d+(\.\d+)?$/.test(value) ? new Date(Number(value) * 1000) : new Date(value);
}
