import { createHash } from 'node:crypto';
import type { ResolvedResource } from '../../core/contracts';
import { numberProp, objectProp, stringList, stringProp } from './pool-config';

export interface AppClientConfig {
  readonly clientId: string;
  readonly clientName: string;
  readonly userPoolId: string;
  /** The ALLOW_* flows the client accepts (legacy names mapped to theirs). */
  readonly authFlows: ReadonlySet<string>;
  readonly clientSecret?: string;
  /** `PreventUserExistenceErrors: ENABLED`: an unknown user reads as a wrong password. */
  readonly preventUserExistenceErrors: boolean;
  readonly accessTokenValiditySeconds: number;
  readonly idTokenValiditySeconds: number;
  readonly refreshTokenValiditySeconds: number;
}

/** What Cognito allows a client that lists no ExplicitAuthFlows. */
const DEFAULT_FLOWS = ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const LEGACY_FLOWS: Readonly<Record<string, string>> = {
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  CUSTOM_AUTH_FLOW_ONLY: 'ALLOW_CUSTOM_AUTH',
};
const UNIT_SECONDS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/**
 * An app client's settings from its resolved `AWS::Cognito::UserPoolClient` properties. A client that
 * generates a secret gets one derived from its id, so the same template gives the same secret every start.
 *
 * @example
 * const client = appClientConfigOf(resource); // { clientId: '4f2k...', authFlows: Set { 'ALLOW_USER_PASSWORD_AUTH', ... } }
 */
export function appClientConfigOf(resource: ResolvedResource): AppClientConfig {
  const p = resource.properties;
  const flows = stringList(p.ExplicitAuthFlows);
  const units = objectProp(p, 'TokenValidityUnits');
  const validity = (property: string, unitName: string, fallbackUnit: string, fallback: number) =>
    (numberProp(p, property) ?? fallback) * (UNIT_SECONDS[stringProp(units, unitName) ?? fallbackUnit] ?? 1);
  return {
    clientId: resource.ref,
    clientName: stringProp(p, 'ClientName') ?? resource.logicalId,
    userPoolId: stringProp(p, 'UserPoolId') ?? '',
    authFlows: new Set((flows.length > 0 ? flows : DEFAULT_FLOWS).map((flow) => LEGACY_FLOWS[flow] ?? flow)),
    ...(p.GenerateSecret === true && { clientSecret: clientSecretFor(resource.ref) }),
    preventUserExistenceErrors: stringProp(p, 'PreventUserExistenceErrors') === 'ENABLED',
    accessTokenValiditySeconds: validity('AccessTokenValidity', 'AccessToken', 'hours', 1),
    idTokenValiditySeconds: validity('IdTokenValidity', 'IdToken', 'hours', 1),
    refreshTokenValiditySeconds: validity('RefreshTokenValidity', 'RefreshToken', 'days', 30),
  };
}

/**
 * The secret of a client that generates one: derived from its id, so the template resolver can answer
 * `Fn::GetAtt [Client, ClientSecret]` with the value this service checks.
 *
 * @example
 * clientSecretFor('4f2kq0example'); // 51 characters, the same every start
 */
export function clientSecretFor(clientId: string): string {
  return createHash('sha512').update(`local-cloud/client-secret/${clientId}`).digest('base64url').slice(0, 51);
}
