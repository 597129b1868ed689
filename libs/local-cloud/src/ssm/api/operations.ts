import type { Json, JsonObject } from '../../core/contracts';
import { SsmError, validation } from '../errors';
import type { ParameterStore, ParameterView } from '../parameter-store';
import type { SsmOperation } from './json-endpoint';
import { maxResults, optionalBoolean, optionalString, requiredString, stringList } from './input';

/**
 * The Parameter Store operations of the SSM API, on one store.
 *
 * @example
 * const endpoint = makeSsmJsonEndpoint(parameterOperations(store), logger);
 */
export function parameterOperations(store: ParameterStore): Record<string, SsmOperation> {
  return {
    PutParameter: (input) => {
      const { version, tier } = store.put({
        name: requiredString(input, 'Name'),
        value: requiredString(input, 'Value'),
        type: optionalString(input, 'Type'),
        overwrite: optionalBoolean(input, 'Overwrite'),
        description: optionalString(input, 'Description'),
        allowedPattern: optionalString(input, 'AllowedPattern'),
        tier: optionalString(input, 'Tier'),
        dataType: optionalString(input, 'DataType'),
        keyId: optionalString(input, 'KeyId'),
        tagged: Array.isArray(input.Tags) && input.Tags.length > 0,
      });
      return { Version: version, Tier: tier };
    },
    GetParameter: (input) => ({ Parameter: wire(store.get(requiredString(input, 'Name'), optionalBoolean(input, 'WithDecryption'))) }),
    GetParameters: (input) => getParameters(store, input),
    GetParametersByPath: (input) => getParametersByPath(store, input),
    DeleteParameter: (input) => {
      store.delete(requiredString(input, 'Name'));
      return {};
    },
    DeleteParameters: (input) => deleteParameters(store, input),
  };
}

function getParameters(store: ParameterStore, input: Record<string, unknown>): Json {
  const withDecryption = optionalBoolean(input, 'WithDecryption');
  const found: Json[] = [];
  const invalid: string[] = [];
  for (const name of new Set(stringList(input, 'Names', { min: 1, max: 10 }))) {
    const parameter = findParameter(store, name, withDecryption);
    if (parameter) found.push(wire(parameter));
    else invalid.push(name);
  }
  return { Parameters: found, InvalidParameters: invalid };
}

function getParametersByPath(store: ParameterStore, input: Record<string, unknown>): Json {
  if (input.ParameterFilters !== undefined) throw validation("local-cloud's SSM does not support ParameterFilters on GetParametersByPath");
  const nextToken = optionalString(input, 'NextToken');
  const page = store.byPath(requiredString(input, 'Path'), {
    recursive: optionalBoolean(input, 'Recursive'),
    withDecryption: optionalBoolean(input, 'WithDecryption'),
    maxResults: maxResults(input, { max: 10, default: 10 }),
    ...(nextToken !== undefined && { nextToken }),
  });
  return { Parameters: page.parameters.map(wire), ...(page.nextToken !== undefined && { NextToken: page.nextToken }) };
}

function deleteParameters(store: ParameterStore, input: Record<string, unknown>): Json {
  const deleted: string[] = [];
  const invalid: string[] = [];
  for (const name of stringList(input, 'Names', { min: 1, max: 10 })) {
    try {
      store.delete(name);
      deleted.push(name);
    } catch (err) {
      if (!(err instanceof SsmError) || err.code !== 'ParameterNotFound') throw err;
      invalid.push(name);
    }
  }
  return { DeletedParameters: deleted, InvalidParameters: invalid };
}

function findParameter(store: ParameterStore, name: string, withDecryption: boolean): ParameterView | undefined {
  try {
    return store.get(name, withDecryption);
  } catch (err) {
    if (err instanceof SsmError && (err.code === 'ParameterNotFound' || err.code === 'ParameterVersionNotFound')) return undefined;
    throw err;
  }
}

/** The wire shape of a parameter; JSON 1.1 timestamps are epoch seconds. */
function wire(parameter: ParameterView): JsonObject {
  return {
    Name: parameter.name,
    Type: parameter.type,
    Value: parameter.value,
    Version: parameter.version,
    LastModifiedDate: parameter.lastModified.getTime() / 1000,
    ARN: parameter.arn,
    DataType: parameter.dataType,
    ...(parameter.selector !== undefined && { Selector: parameter.selector }),
  };
}
