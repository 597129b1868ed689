import type { CognitoEngine } from '../engine/cognito-engine';
import type { AppClientConfig } from '../model/client-config';

/** DescribeUserPool: the settings the local pool enforces, in the API's shape. */
export function describeUserPool(engine: CognitoEngine, req: { UserPoolId: string }) {
  const { config } = engine.pool(req.UserPoolId);
  const policy = config.passwordPolicy;
  return {
    UserPool: {
      Id: config.id,
      Name: config.name,
      Arn: config.arn,
      Policies: {
        PasswordPolicy: {
          MinimumLength: policy.minimumLength,
          RequireUppercase: policy.requireUppercase,
          RequireLowercase: policy.requireLowercase,
          RequireNumbers: policy.requireNumbers,
          RequireSymbols: policy.requireSymbols,
          TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays,
        },
      },
      ...(config.usernameAttributes.length > 0 && { UsernameAttributes: [...config.usernameAttributes] }),
      ...(config.aliasAttributes.length > 0 && { AliasAttributes: [...config.aliasAttributes] }),
      AutoVerifiedAttributes: [...config.autoVerifiedAttributes],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: config.allowAdminCreateUserOnly },
      UsernameConfiguration: { CaseSensitive: config.caseSensitive },
      EstimatedNumberOfUsers: engine.pool(req.UserPoolId).users.list().length,
    },
  };
}

/** DescribeUserPoolClient: with the client secret, as AWS returns it to an administrator. */
export function describeUserPoolClient(engine: CognitoEngine, req: { UserPoolId: string; ClientId: string }) {
  return { UserPoolClient: clientType(engine.pool(req.UserPoolId).client(req.ClientId)) };
}

export function listUserPoolClients(engine: CognitoEngine, req: { UserPoolId: string }) {
  const clients = engine.pool(req.UserPoolId).listClients();
  return { UserPoolClients: clients.map((client) => ({ ClientId: client.clientId, ClientName: client.clientName, UserPoolId: client.userPoolId })) };
}

function clientType(client: AppClientConfig) {
  return {
    ClientId: client.clientId,
    ClientName: client.clientName,
    UserPoolId: client.userPoolId,
    ...(client.clientSecret && { ClientSecret: client.clientSecret }),
    ExplicitAuthFlows: [...client.authFlows],
    PreventUserExistenceErrors: client.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
    AccessTokenValidity: client.accessTokenValiditySeconds / 60,
    IdTokenValidity: client.idTokenValiditySeconds / 60,
    RefreshTokenValidity: client.refreshTokenValiditySeconds / 60,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
  };
}
