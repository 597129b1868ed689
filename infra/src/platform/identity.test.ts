import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ADMIN_GROUP, ShopIdentity } from './identity';

function synth(retain: boolean) {
  const stack = new Stack(new App(), 'Identity');
  new ShopIdentity(stack, 'Identity', { retain });
  return Template.fromStack(stack);
}

describe('ShopIdentity', () => {
  it('signs users in by email, verified, with a strong password policy', () => {
    const template = synth(false);

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
    });
  });

  it('has the admin group the admin routes check', () => {
    const template = synth(false);

    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: ADMIN_GROUP });
  });

  it('gives the storefront a public client with password, SRP and refresh flows, and no secret', () => {
    const template = synth(false);

    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      ExplicitAuthFlows: Match.arrayWith([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
    });
  });

  it('keeps the pool, protected from deletion, when retained', () => {
    const template = synth(true);

    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('lets a dev pool go with its stack', () => {
    const pools = Object.values(synth(false).findResources('AWS::Cognito::UserPool'));

    expect(pools[0]?.DeletionPolicy).toBe('Delete');
    expect(pools[0]?.Properties.DeletionProtection).toBe('INACTIVE');
  });
});
