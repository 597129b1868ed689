import type { ServicePlugin } from '../core/contracts';
import { makeCognitoEndpoint } from './api/endpoint';
import { makeCognitoLocalRoute } from './api/local-route';
import { CognitoEngine } from './engine/cognito-engine';
import { COGNITO_RESOURCE_TYPES, loadUserPools } from './model/load';

export interface CognitoServiceOptions {
  /** Hands the started engine to the caller (tests read the outbox; the console lists pools). */
  readonly onStart?: (engine: CognitoEngine) => void;
}

/**
 * The Cognito user pools plug-in: loads the template's pools, clients, groups and users, serves the
 * `cognito-idp` API and each pool's `/<userPoolId>/.well-known/*` (unsigned), and `/_local/cognito/*`.
 * Triggers run through the lambda port. Tokens' issuer is `<gateway URL>/<userPoolId>`.
 *
 * @example
 * const plugins = [lambdaPlugin(), cognitoService()];
 */
export function cognitoService(options: CognitoServiceOptions = {}): ServicePlugin {
  return {
    name: 'cognito',
    resourceTypes: COGNITO_RESOURCE_TYPES,
    start: async (ctx) => {
      const logger = ctx.logger.child({ service: 'cognito' });
      const engine = new CognitoEngine({ issuerBase: ctx.endpointUrl, region: ctx.region, logger, lambda: () => ctx.ports.lambda });
      loadUserPools(engine, ctx.resources);
      options.onStart?.(engine);
      return {
        endpoints: [makeCognitoEndpoint(engine, logger)],
        localRoutes: { cognito: makeCognitoLocalRoute(engine) },
        stop: async () => undefined,
      };
    },
  };
}
