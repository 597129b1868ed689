import type { Json, JsonObject, LambdaInvoker, Logger } from '../../core/contracts';
import { LambdaFunctionError } from '../../lambda/errors';
import { CognitoApiError } from '../errors';
import { attributeRecord } from './attributes';
import type { TokenCustomization } from './tokens';
import type { UserPool } from './user-pool';
import type { User } from './users';

/** Who caused a trigger: the app client, or none for admin calls (Cognito's placeholder). */
export interface TriggerCaller {
  readonly clientId?: string;
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

export const NO_CLIENT = 'CLIENT_ID_NOT_APPLICABLE';

/**
 * Runs a pool's Lambda triggers with Cognito's documented event shapes, through the lambda service's own
 * invoke (as Cognito does): a function error becomes UserLambdaValidationException
 * (`PreSignUp failed with error <message>.`), anything else UnexpectedLambdaException.
 *
 * @example
 * const triggers = new Triggers({ lambda: () => ctx.ports.lambda, region: 'us-east-1', logger });
 * await triggers.postConfirmation(pool, user, 'PostConfirmation_ConfirmSignUp', { clientId });
 */
export class Triggers {
  constructor(private readonly options: { lambda: () => LambdaInvoker; region: string; logger: Logger }) {}

  async preSignUp(pool: UserPool, input: { source: string; userName: string; attributes: ReadonlyMap<string, string>; validationData?: Record<string, string> }, caller: TriggerCaller) {
    const arn = pool.config.triggers.preSignUp;
    const none = { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false };
    if (!arn) return none;
    const request = { userAttributes: attributeRecord(input.attributes), validationData: input.validationData ?? null, ...metadata(caller) };
    const response = await this.run('PreSignUp', arn, this.event(pool, input.source, input.userName, caller, request, none));
    return { autoConfirmUser: response.autoConfirmUser === true, autoVerifyEmail: response.autoVerifyEmail === true, autoVerifyPhone: response.autoVerifyPhone === true };
  }

  async postConfirmation(pool: UserPool, user: User, source: string, caller: TriggerCaller): Promise<void> {
    const arn = pool.config.triggers.postConfirmation;
    if (arn) await this.run('PostConfirmation', arn, this.event(pool, source, user.username, caller, { userAttributes: withStatus(user), ...metadata(caller) }, {}));
  }

  async preAuthentication(pool: UserPool, user: User, caller: TriggerCaller): Promise<void> {
    const arn = pool.config.triggers.preAuthentication;
    const request = { userAttributes: withStatus(user), validationData: null, userNotFound: false, ...metadata(caller) };
    if (arn) await this.run('PreAuthentication', arn, this.event(pool, 'PreAuthentication_Authentication', user.username, caller, request, {}));
  }

  async postAuthentication(pool: UserPool, user: User, caller: TriggerCaller): Promise<void> {
    const arn = pool.config.triggers.postAuthentication;
    const request = { userAttributes: withStatus(user), newDeviceUsed: false, ...metadata(caller) };
    if (arn) await this.run('PostAuthentication', arn, this.event(pool, 'PostAuthentication_Authentication', user.username, caller, request, {}));
  }

  /** V1 events customize the ID token; V2 and V3 events both tokens (and the access token's scopes). */
  async preTokenGeneration(pool: UserPool, user: User, source: string, caller: TriggerCaller): Promise<TokenCustomization> {
    const trigger = pool.config.triggers.preTokenGeneration;
    if (!trigger) return {};
    const groups = pool.groupsOf(user);
    const groupConfiguration = { groupsToOverride: groups.map((g) => g.groupName), iamRolesToOverride: groups.flatMap((g) => (g.roleArn ? [g.roleArn] : [])), preferredRole: null };
    const v1 = trigger.version === '1';
    const request = { userAttributes: withStatus(user), groupConfiguration, ...(!v1 && { scopes: ['aws.cognito.signin.user.admin'] }), ...metadata(caller) };
    const event = { ...this.event(pool, source, user.username, caller, request, v1 ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null }), version: trigger.version };
    const response = await this.run('PreTokenGeneration', trigger.arn, event);
    return v1 ? customizationV1(objectOf(response.claimsOverrideDetails)) : customizationV2(objectOf(response.claimsAndScopeOverrideDetails));
  }

  private event(pool: UserPool, triggerSource: string, userName: string, caller: TriggerCaller, request: JsonObject, response: JsonObject): JsonObject {
    const callerContext = { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: caller.clientId ?? NO_CLIENT };
    return { version: '1', triggerSource, region: this.options.region, userPoolId: pool.id, userName, callerContext, request, response };
  }

  private async run(name: string, arn: string, event: JsonObject): Promise<JsonObject> {
    this.options.logger.debug('cognito trigger', { trigger: name, functionArn: arn, userPoolId: event.userPoolId });
    let result: Json;
    try {
      result = await this.options.lambda().invoke(arn, event);
    } catch (err) {
      if (err instanceof LambdaFunctionError) throw new CognitoApiError('UserLambdaValidationException', `${name} failed with error ${err.payload.errorMessage}.`, { cause: err });
      throw new CognitoApiError('UnexpectedLambdaException', `${name} invocation failed: ${(err as Error).message}`, { cause: err });
    }
    if (!result || typeof result !== 'object' || Array.isArray(result)) throw new CognitoApiError('InvalidLambdaResponseException', `Invalid ${name} Lambda response: expected the event back`);
    return objectOf(result.response);
  }
}

function withStatus(user: User): Record<string, string> {
  return { ...attributeRecord(user.attributes), 'cognito:user_status': user.status };
}

function metadata(caller: TriggerCaller): JsonObject {
  return caller.clientMetadata ? { clientMetadata: { ...caller.clientMetadata } } : {};
}

function customizationV1(details: JsonObject): TokenCustomization {
  const groups = stringArray(objectOf(details.groupOverrideDetails).groupsToOverride);
  return { id: { add: objectOf(details.claimsToAddOrOverride), suppress: stringArray(details.claimsToSuppress) }, ...(groups && { groups }) };
}

function customizationV2(details: JsonObject): TokenCustomization {
  const id = objectOf(details.idTokenGeneration);
  const access = objectOf(details.accessTokenGeneration);
  const groups = stringArray(objectOf(details.groupOverrideDetails).groupsToOverride);
  return {
    id: { add: objectOf(id.claimsToAddOrOverride), suppress: stringArray(id.claimsToSuppress) },
    access: { add: objectOf(access.claimsToAddOrOverride), suppress: stringArray(access.claimsToSuppress), scopesToAdd: stringArray(access.scopesToAdd), scopesToSuppress: stringArray(access.scopesToSuppress) },
    ...(groups && { groups }),
  };
}

function objectOf(value: Json | undefined): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

function stringArray(value: Json | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}
