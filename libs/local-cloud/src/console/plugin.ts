import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { LocalRoute, ServiceContext, ServicePlugin } from '../core/contracts';
import { LOCAL_CREDENTIALS } from '../core/endpoint-env';
import { answerApi, type ConsoleSources } from './api';
import { ActivityFeed } from './activity-feed';

/** The console's page and assets, served as they are: no framework, no build step. */
const ASSETS: Record<string, { file: string; type: string }> = {
  '': { file: 'index.html', type: 'text/html; charset=utf-8' },
  'console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  'console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};

/**
 * The web console at `<gateway>/_local/console/`: live API requests, invocations and events with their correlation
 * ids, one correlation id's timeline, executions state by state, queues with a DLQ redrive, feature flags, function logs. It emulates
 * nothing: it reads the other services through their AWS APIs on the gateway and their `/_local/*` routes.
 *
 * @example
 * await LocalCloud.start({ assembly: 'cdk.out', plugins: [lambdaPlugin(), eventBridgePlugin(), consolePlugin()] }); // defaultPlugins() has it
 * // open http://127.0.0.1:<port>/_local/console/
 */
export function consolePlugin(): ServicePlugin {
  return {
    name: 'console',
    resourceTypes: [],
    start: async (ctx) => {
      const sources = connect(ctx);
      sources.feed.start();
      return {
        endpoints: [],
        localRoutes: { console: consoleRoute(sources) },
        stop: async () => {
          sources.feed.stop();
          [sources.sfn, sources.sqs, sources.lambda].forEach((client) => client.destroy());
        },
      };
    },
  };
}

function connect(ctx: ServiceContext): ConsoleSources {
  const config = {
    endpoint: ctx.endpointUrl,
    region: ctx.region,
    credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  };
  return {
    endpointUrl: ctx.endpointUrl,
    sfn: new SFNClient({ ...config, disableHostPrefix: true }),
    sqs: new SQSClient(config),
    lambda: new LambdaClient(config),
    feed: new ActivityFeed(ctx.endpointUrl, ctx.logger),
  };
}

function consoleRoute(sources: ConsoleSources): LocalRoute {
  return async (req, res, url) => {
    const path = url.pathname.replace(/^\/_local\/console\/?/, '');
    if (path.startsWith('api/')) return answerApi(sources, path.slice(4), req, res, url);
    const asset = ASSETS[path];
    if (!asset || req.method !== 'GET') return notFound(res, url.pathname);
    // Relative asset URLs need the trailing slash.
    if (!url.pathname.endsWith('/') && path === '') return redirect(res, `${url.pathname}/`);
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(readFileSync(new URL(`./page/${asset.file}`, import.meta.url)));
  };
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(308, { location });
  res.end();
}

function notFound(res: ServerResponse, path: string): void {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ code: 'CONSOLE.NOT_FOUND', message: `The console has no page ${path}` }));
}
