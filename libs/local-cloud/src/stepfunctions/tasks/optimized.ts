import type { Json, JsonObject } from '../../core/contracts';
import { StatesError } from '../asl/errors';
import { callAws } from './sdk';
import type { IntegrationDeps } from './types';

const asObject = (value: Json): JsonObject => (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {});
const asText = (value: Json | undefined): Json | undefined => (value === undefined || typeof value === 'string' ? value : JSON.stringify(value));

/** `dynamodb:putItem|getItem|updateItem|deleteItem`: the API request in, its response out (`DynamoDB.*` errors). */
export function dynamoDbTask(deps: IntegrationDeps, action: string, parameters: Json): Promise<Json> {
  return callAws(deps, 'dynamodb', action, parameters, 'DynamoDB');
}

/**
 * `events:putEvents`: a `Detail` may be a JSON object (it is serialized); a failed entry fails the task with
 * `EventBridge.FailedEntry`, as documented for the optimized integration.
 */
export async function putEventsTask(deps: IntegrationDeps, parameters: Json): Promise<Json> {
  const params = asObject(parameters);
  const entries = Array.isArray(params.Entries) ? params.Entries.map(asObject) : [];
  const Entries = entries.map((entry) => ({ ...entry, ...(entry.Detail !== undefined && { Detail: asText(entry.Detail)! }) }));
  const output = asObject(await callAws(deps, 'eventbridge', 'putEvents', { ...params, Entries }, 'EventBridge'));
  if (typeof output.FailedEntryCount === 'number' && output.FailedEntryCount > 0) {
    throw new StatesError('EventBridge.FailedEntry', JSON.stringify(output));
  }
  return output;
}

/** `sqs:sendMessage`: a `MessageBody` that is not a string is sent as its JSON text. */
export function sendMessageTask(deps: IntegrationDeps, parameters: Json): Promise<Json> {
  const params = asObject(parameters);
  return callAws(deps, 'sqs', 'sendMessage', { ...params, MessageBody: asText(params.MessageBody) ?? '' }, 'SQS');
}
