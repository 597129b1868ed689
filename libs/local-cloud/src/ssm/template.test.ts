import { describe, expect, it } from 'vitest';
import { ParameterStore } from './parameter-store';
import { loadParameter, ParameterResourceError } from './template';

const resource = (physicalName: string, properties: Record<string, string>) => ({ stackName: 'Shop-Config', logicalId: 'Param', physicalName, properties });

describe('loadParameter', () => {
  it('creates String and StringList parameters under the resolved name', () => {
    const store = new ParameterStore({ region: 'us-east-1', accountId: '000000000000' });

    loadParameter(store, resource('/shop/api-url', { Type: 'String', Value: 'http://127.0.0.1:4566', Description: 'API' }));
    loadParameter(store, resource('Shop-Config-Param-AbC123', { Type: 'StringList', Value: 'a,b' }));

    expect(store.get('/shop/api-url', false)).toMatchObject({ type: 'String', value: 'http://127.0.0.1:4566', version: 1 });
    expect(store.get('Shop-Config-Param-AbC123', false)).toMatchObject({ type: 'StringList', value: 'a,b' });
  });

  it('refuses a SecureString, which CloudFormation cannot create', () => {
    const store = new ParameterStore({ region: 'us-east-1', accountId: '000000000000' });

    const load = () => loadParameter(store, resource('/shop/secret', { Type: 'SecureString', Value: 'x' }));

    expect(load).toThrow(ParameterResourceError);
  });

  it('reports a name SSM rejects with the resource it came from', () => {
    const store = new ParameterStore({ region: 'us-east-1', accountId: '000000000000' });

    const load = () => loadParameter(store, resource('relative/name', { Type: 'String', Value: 'x' }));

    expect(load).toThrow(/Shop-Config\/Param .*ValidationException: Parameter name must be a fully qualified name/);
  });
});
