const AWS_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/([\w-]+_[0-9A-Za-z]+)\/?$/;

/**
 * The local issuer of a Cognito issuer URL as a template writes it (a JWT authorizer's
 * `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`): `<endpointUrl>/<userPoolId>`, where the local
 * pool's tokens come from and its JWKS is served. Undefined for any other issuer.
 *
 * @example
 * localIssuerFor('https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz', 'http://127.0.0.1:4566');
 * // 'http://127.0.0.1:4566/us-east-1_AbC123xyz'
 */
export function localIssuerFor(issuer: string, endpointUrl: string): string | undefined {
  const poolId = AWS_ISSUER.exec(issuer)?.[1];
  return poolId ? `${endpointUrl.replace(/\/$/, '')}/${poolId}` : undefined;
}
