import { describe, expect, it } from 'vitest';
import { MissingOutputError, shopStacks, targetFromOutputs } from './target';

const outputs = {
  'ShopStaging-Stateful': {
    EventBusName: 'ShopBus',
    UserPoolId: 'eu-west-1_abc',
    StorefrontClientId: 'client1',
    Other: 'x',
  },
  'ShopStaging-Stateless': { ApiUrl: 'https://api.example.com/' },
};

describe('targetFromOutputs', () => {
  it('names the stacks of a stage as infra does', () => {
    expect(shopStacks('staging')).toEqual({ stateful: 'ShopStaging-Stateful', stateless: 'ShopStaging-Stateless' });
  });

  it('takes the API URL from the stateless stack and the pool, client and bus from the stateful one', () => {
    const target = targetFromOutputs('staging', outputs, { AWS_REGION: 'eu-west-1' });

    expect(target).toEqual({
      stage: 'staging',
      apiUrl: 'https://api.example.com',
      userPoolId: 'eu-west-1_abc',
      storefrontClientId: 'client1',
      eventBusName: 'ShopBus',
      env: { AWS_REGION: 'eu-west-1' },
    });
  });

  it('names the stack and output that are missing', () => {
    const { ApiUrl: _apiUrl, ...noApi } = outputs['ShopStaging-Stateless'];

    const read = () => targetFromOutputs('staging', { ...outputs, 'ShopStaging-Stateless': noApi }, {});

    expect(read).toThrow(MissingOutputError);
    expect(read).toThrow('Stack ShopStaging-Stateless has no output ApiUrl');
  });
});
