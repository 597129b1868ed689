import type { Json, JsonObject, ResolvedResource } from '../core/contracts';

/** Where a Create request comes from and where its answer goes. */
export interface CreateRequestInput {
  /** The resource's properties with other custom resources' values settled. */
  readonly properties: JsonObject;
  readonly responseUrl: string;
  readonly requestId: string;
  readonly stackId: string;
}

/**
 * The Create request CloudFormation sends a Lambda-backed custom resource's function: RequestType, the
 * ServiceToken, the ResponseURL to PUT the answer to, StackId, RequestId, ResourceType, LogicalResourceId,
 * and ResourceProperties (every property, ServiceToken included, numbers and booleans as strings, as
 * CloudFormation passes them).
 *
 * @example
 * buildCreateRequest(seed, { properties, responseUrl, requestId: randomUUID(), stackId });
 * // { RequestType: 'Create', ServiceToken: 'arn:aws:lambda:...', ResponseURL: 'http://127.0.0.1:4566/_local/...', ... }
 */
export function buildCreateRequest(resource: ResolvedResource, input: CreateRequestInput): JsonObject {
  return {
    RequestType: 'Create',
    ServiceToken: input.properties.ServiceToken ?? null,
    ResponseURL: input.responseUrl,
    StackId: input.stackId,
    RequestId: input.requestId,
    LogicalResourceId: resource.logicalId,
    ResourceType: resource.type,
    ResourceProperties: stringifyScalars(input.properties),
  };
}

/**
 * Numbers and booleans as strings, at any depth: CloudFormation hands a custom resource its properties so
 * (`Count: 3` arrives as `'3'`, `Enabled: true` as `'true'`), and handlers written against AWS expect it.
 *
 * @example
 * stringifyScalars({ Count: 3, Tags: [true] }); // { Count: '3', Tags: ['true'] }
 */
export function stringifyScalars(value: Json): Json {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(stringifyScalars);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stringifyScalars(item)]));
  return value;
}
