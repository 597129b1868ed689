import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PROFILE_ACTIONS } from './function-access';
import { usersStage } from './testing/users-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf, statementsAllowing } from './testing/template-queries';
import { ADMIN_GROUP } from './users-identity';

function synth(retain = false) {
  const stage = usersStage({ retain });
  return { stage, template: Template.fromStack(stage.stateful) };
}

describe('UsersIdentity', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('signs users in by email, verified, with a strong password policy', () => {
    const { template } = synth();

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
          TemporaryPasswordValidityDays: 3,
        }),
      },
    });
  });

  it('has the admin group the admin routes check', () => {
    const { template } = synth();

    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: ADMIN_GROUP });
  });

  it('gives the storefront a public client with password, SRP and refresh flows, and no secret', () => {
    const { template } = synth();

    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      ExplicitAuthFlows: Match.arrayWith([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
    });
  });

  it('runs the post-confirmation function as the trigger, and lets Cognito invoke it', () => {
    const { stage, template } = synth();
    const fnId = logicalIdOf(stage.identity.postConfirmationFunction);

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      LambdaConfig: { PostConfirmation: { 'Fn::GetAtt': [fnId, 'Arn'] } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [logicalIdOf(stage.identity.userPool), 'Arn'] },
    });
  });

  it('gives the trigger less time than Cognito waits, and its variables', () => {
    const { stage, template } = synth();

    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: Match.absent(),
      Timeout: 5,
      Environment: {
        Variables: Match.objectLike({
          TABLE_NAME: { Ref: logicalIdOf(stage.data.table) },
          EVENT_BUS_NAME: { Ref: logicalIdOf(stage.bus) },
          STAGE_NAME: 'test',
          POWERTOOLS_SERVICE_NAME: 'users',
        }),
      },
    });
  });

  it('lets the trigger write profiles and publish as shop.users, and nothing more', () => {
    const { stage, template } = synth();
    const fn = stage.identity.postConfirmationFunction;

    const actions = actionsOf(template, fn);

    expect(actions.filter((action) => !/^(logs|xray):/.test(action))).toEqual(
      [...PROFILE_ACTIONS.readWrite, 'events:PutEvents'].sort(),
    );
    expect(statementsAllowing(template, fn, 'dynamodb:PutItem')[0]?.Resource).toEqual({
      'Fn::GetAtt': [logicalIdOf(stage.data.table), 'Arn'],
    });
    expect(statementsAllowing(template, fn, 'events:PutEvents')[0]?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'events:source': ['shop.users'] },
      Null: { 'events:source': 'false' },
    });
  });

  it('keeps the pool, protected from deletion, when retained', () => {
    const { template } = synth(true);

    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('lets a dev pool go with its stack', () => {
    const pools = Object.values(synth(false).template.findResources('AWS::Cognito::UserPool'));

    expect(pools[0]?.DeletionPolicy).toBe('Delete');
    expect(pools[0]?.Properties.DeletionProtection).toBe('INACTIVE');
  });

  it('keeps the construct ids of the ShopIdentity it replaces, so swapping keeps the pool and its users', () => {
    const { stage } = synth();

    expect(stage.identity.userPool.node.path).toBe('Test/Stateful/Identity/UserPool');
    expect(stage.identity.storefrontClient.node.path).toBe('Test/Stateful/Identity/UserPool/StorefrontClient');
    expect(stage.identity.node.tryFindChild('AdminGroup')).toBeDefined();
  });
});
