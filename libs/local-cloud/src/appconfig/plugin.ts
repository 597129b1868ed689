import { createServer, type Server } from 'node:http';
import type { ServicePlugin } from '../core/contracts';
import { LOOPBACK } from '../core/gateway';
import { makeAppConfigAdminRoute } from './api/admin-route';
import { serveAgent } from './api/agent';
import { makeAppConfigEndpoint } from './api/data-endpoint';
import { AppConfigStore } from './engine/config-store';
import { ConfigurationSessions } from './engine/configuration-sessions';
import { APPCONFIG_RESOURCE_TYPES, loadAppConfig } from './model/load';

export interface AppConfigServiceOptions {
  /**
   * Also serve the agent interface on its own port, as the AppConfig Lambda extension does on 2772, for code
   * that calls `http://localhost:2772/applications/...`. Off by default: the gateway serves it too.
   */
  readonly agentPort?: number;
  /** Hands the started store, and the agent's own URL when it has a port, to the caller (tests, the console). */
  readonly onStart?: (store: AppConfigStore, agentUrl?: string) => void;
}

/**
 * The AppConfig plug-in: loads applications, environments, profiles, hosted versions and deployments;
 * serves AppConfig Data (signing name `appconfig`), the agent interface (`/applications/...`, unsigned)
 * and the admin interface `/_local/appconfig`.
 *
 * @example
 * const plugins = [lambdaPlugin(), appConfigService({ agentPort: 2772 })];
 */
export function appConfigService(options: AppConfigServiceOptions = {}): ServicePlugin {
  return {
    name: 'appconfig',
    resourceTypes: APPCONFIG_RESOURCE_TYPES,
    start: async (ctx) => {
      const logger = ctx.logger.child({ service: 'appconfig' });
      const store = new AppConfigStore();
      loadAppConfig(store, ctx.resources);
      const agent = options.agentPort === undefined ? undefined : await listenAgent(store, options.agentPort);
      const address = agent?.address();
      options.onStart?.(store, address && typeof address === 'object' ? `http://${LOOPBACK}:${address.port}` : undefined);
      return {
        endpoints: [makeAppConfigEndpoint(store, new ConfigurationSessions(store), logger)],
        localRoutes: { appconfig: makeAppConfigAdminRoute(store) },
        stop: () => closeAgent(agent),
      };
    },
  };
}

async function listenAgent(store: AppConfigStore, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    void serveAgent(store, req, res).then((served) => {
      if (served) return;
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('Not found: GET /applications/{app}/environments/{env}/configurations/{profile}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => resolve());
  });
  return server;
}

function closeAgent(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
