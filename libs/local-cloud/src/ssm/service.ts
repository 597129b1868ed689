import type { Logger, ParameterReader, ServiceEndpoint, ServicePlugin } from '../core/contracts';
import { makeSsmJsonEndpoint } from './api/json-endpoint';
import { parameterOperations } from './api/operations';
import { ParameterStore } from './parameter-store';
import { loadParameter } from './template';

export interface SsmService {
  readonly store: ParameterStore;
  /** Serves the Parameter Store operations of the SSM API (signing name 'ssm'). */
  readonly endpoint: ServiceEndpoint;
}

/**
 * An SSM Parameter Store and its API endpoint, in memory.
 *
 * @example
 * const ssm = createSsmService({ region: 'us-east-1', accountId: '000000000000', logger });
 * gateway.register(ssm.endpoint);
 */
export function createSsmService(options: { region: string; accountId: string; logger: Logger }): SsmService {
  const store = new ParameterStore(options);
  return { store, endpoint: makeSsmJsonEndpoint(parameterOperations(store), options.logger) };
}

/**
 * The SSM plug-in: creates every `AWS::SSM::Parameter` of the templates, serves the Parameter Store API and
 * provides the `ssm` port (what `{{resolve:ssm:...}}` dynamic references read).
 *
 * @example
 * const plugins = [...defaultPlugins(), ssmService()];
 */
export function ssmService(): ServicePlugin {
  return {
    name: 'ssm',
    resourceTypes: ['AWS::SSM::Parameter'],
    start: async (ctx) => {
      const ssm = createSsmService({ region: ctx.region, accountId: ctx.accountId, logger: ctx.logger });
      for (const resource of ctx.resources) loadParameter(ssm.store, resource);
      return { endpoints: [ssm.endpoint], provides: { ssm: parameterReader(ssm.store) }, stop: async () => undefined };
    },
  };
}

/**
 * The `ssm` port over a store: GetParameter without decryption, read in-process.
 *
 * @example
 * await parameterReader(store).getParameter('/shop/url', 2); // { value: 'https://shop.test', type: 'String' }
 */
export function parameterReader(store: ParameterStore): ParameterReader {
  return {
    getParameter: async (name, version) => {
      const { value, type } = store.get(version === undefined ? name : `${name}:${version}`, false);
      return { value, type };
    },
  };
}
