import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_ACTIONS } from './function-access';
import { usersStage } from './testing/users-fixture';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { actionsOf, logicalIdOf, statementsAllowing } from './testing/template-queries';
import type { RouteHandler } from './users-routes';

const BASELINE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
const sorted = (...lists: readonly (readonly string[])[]) => [...new Set(lists.flat())].sort();

describe('UsersService', { timeout: SYNTH_TIMEOUT_MS }, () => {
  let stage: ReturnType<typeof usersStage>;
  let template: Template;
  const fn = (name: RouteHandler) => stage.service.functions[name];

  beforeAll(() => {
    stage = usersStage();
    template = Template.fromStack(stage.stateless);
  }, SYNTH_TIMEOUT_MS);

  it('serves GET, PUT and DELETE /me, and no other route', () => {
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey as string,
    );

    expect(routeKeys.sort()).toEqual(['DELETE /me', 'GET /me', 'PUT /me']);
  });

  it('puts every /me route behind the Cognito JWT authorizer of the storefront client', () => {
    const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));

    for (const route of routes) {
      expect(route.Properties, route.Properties.RouteKey).toMatchObject({
        AuthorizationType: 'JWT',
        AuthorizerId: { Ref: authorizerId },
      });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
    expect(routes).toHaveLength(3);
  });

  it('lets GET and PUT /me read and write profiles and publish as shop.users', () => {
    for (const name of ['getProfile', 'updateProfile'] as const) {
      expect(actionsOf(template, fn(name)), name).toEqual(
        sorted(BASELINE, PROFILE_ACTIONS.readWrite, ['events:PutEvents']),
      );
    }
  });

  it('lets only DELETE /me delete profiles and Cognito users, on the pool alone', () => {
    const deleteUser = statementsAllowing(template, fn('deleteProfile'), 'cognito-idp:AdminDeleteUser');

    expect(actionsOf(template, fn('deleteProfile'))).toEqual(
      sorted(BASELINE, PROFILE_ACTIONS.readDelete, ['cognito-idp:AdminDeleteUser', 'events:PutEvents']),
    );
    expect(deleteUser).toHaveLength(1);
    expect(JSON.stringify(deleteUser[0]?.Resource)).toContain(logicalIdOf(stage.identity.userPool));
    expect(JSON.stringify(deleteUser[0]?.Resource)).not.toContain('*');
    for (const name of ['getProfile', 'updateProfile'] as const) {
      expect(actionsOf(template, fn(name)), name).not.toContain('cognito-idp:AdminDeleteUser');
      expect(actionsOf(template, fn(name)), name).not.toContain('dynamodb:DeleteItem');
    }
  });

  it('publishes as shop.users only', () => {
    for (const name of ['getProfile', 'updateProfile', 'deleteProfile'] as const) {
      expect(statementsAllowing(template, fn(name), 'events:PutEvents')[0]?.Condition, name).toEqual({
        'ForAllValues:StringEquals': { 'events:source': ['shop.users'] },
        Null: { 'events:source': 'false' },
      });
    }
  });

  it('tells the delete function which pool its users are in', () => {
    const variables = template.toJSON().Resources[logicalIdOf(fn('deleteProfile'))].Properties.Environment.Variables;

    expect(JSON.stringify(variables.USER_POOL_ID)).toContain(logicalIdOf(stage.identity.userPool));
    expect(variables).toMatchObject({ STAGE_NAME: 'test', POWERTOOLS_SERVICE_NAME: 'users' });
  });

  it('alarms on errors, throttles and duration of every function', () => {
    expect(stage.service.alarms).toHaveLength(9);
    expect(stage.identity.alarms).toHaveLength(3);
  });
});
