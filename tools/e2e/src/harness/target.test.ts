import { describe, expect, it } from 'vitest';
import { MissingOutputError, shopStacks, targetFromOutputs } from './target';

const outputs = {
  'ShopStaging-Stateful': {
    EventBusName: 'ShopBus',
    UserPoolId: 'eu-west-1_abc',
    StorefrontClientId: 'client1',
    Other: 'x',
  },
  'ShopStaging-Stateless': {
    ApiUrl: 'https://api.example.com/',
    CheckoutApiUrl: 'https://checkout.example.com/v1',
  },
  'ShopStaging-Payments': {
    PaymentsUrl: 'https://payments.example.com/',
    PaymentsApiKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:key',
  },
};

describe('targetFromOutputs', () => {
  it('names the stacks of a stage as infra does', () => {
    expect(shopStacks('staging')).toEqual({
      stateful: 'ShopStaging-Stateful',
      stateless: 'ShopStaging-Stateless',
      payments: 'ShopStaging-Payments',
    });
  });

  it('takes the API URLs from the stateless stack, the pool, client and bus from the stateful one, the sandbox from its own', () => {
    const target = targetFromOutputs('staging', outputs, { AWS_REGION: 'eu-west-1' });

    expect(target).toEqual({
      stage: 'staging',
      apiUrl: 'https://api.example.com',
      userPoolId: 'eu-west-1_abc',
      storefrontClientId: 'client1',
      eventBusName: 'ShopBus',
      checkoutApiUrl: 'https://checkout.example.com/v1/',
      paymentsUrl: 'https://payments.example.com',
      paymentsApiKeySecretArn: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:key',
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
