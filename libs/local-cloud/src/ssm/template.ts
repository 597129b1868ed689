import type { ResolvedResource } from '../core/contracts';
import { SsmError } from './errors';
import type { ParameterStore } from './parameter-store';

/** A template's AWS::SSM::Parameter could not be created. */
export class ParameterResourceError extends Error {
  override readonly name = 'ParameterResourceError';
  readonly code = 'SSM.INVALID_PARAMETER_RESOURCE';

  constructor(resource: Pick<ResolvedResource, 'stackName' | 'logicalId'>, reason: string, options?: { cause?: unknown }) {
    super(`${resource.stackName}/${resource.logicalId} (AWS::SSM::Parameter): ${reason}`, options);
  }
}

/**
 * Creates the parameter of a resolved AWS::SSM::Parameter under the name the template resolver gave it.
 * CloudFormation creates String and StringList parameters only; SecureString is an API-only type.
 *
 * @example
 * loadParameter(store, { stackName: 'Shop-Config', logicalId: 'ApiUrl', physicalName: '/shop/api-url',
 *   properties: { Type: 'String', Value: 'http://127.0.0.1:4566/...' } });
 */
export function loadParameter(store: ParameterStore, resource: Pick<ResolvedResource, 'stackName' | 'logicalId' | 'physicalName' | 'properties'>): void {
  const { Type: type, Value: value, Description: description, AllowedPattern: allowedPattern, Tier: tier, DataType: dataType } = resource.properties;
  if (type !== 'String' && type !== 'StringList') {
    throw new ParameterResourceError(resource, `Type must be String or StringList (CloudFormation cannot create ${String(type)} parameters)`);
  }
  if (typeof value !== 'string') throw new ParameterResourceError(resource, 'Value must be a string');
  try {
    store.put({
      name: resource.physicalName,
      value,
      type,
      ...(typeof description === 'string' && { description }),
      ...(typeof allowedPattern === 'string' && { allowedPattern }),
      ...(typeof tier === 'string' && { tier }),
      ...(typeof dataType === 'string' && { dataType }),
    });
  } catch (err) {
    if (err instanceof SsmError) throw new ParameterResourceError(resource, `${err.code}: ${err.message}`, { cause: err });
    throw err;
  }
}
