import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalRoute } from '../../core/contracts';
import type { CognitoEngine } from '../engine/cognito-engine';

/**
 * `/_local/cognito/messages[?userPoolId=&username=]`: the codes and temporary passwords Cognito would have
 * sent; `/_local/cognito/pools`: each pool's issuer, clients and groups. For the console and for tests.
 *
 * @example
 * const { messages } = await (await fetch(`${url}/_local/cognito/messages?username=ana`)).json();
 */
export function makeCognitoLocalRoute(engine: CognitoEngine): LocalRoute {
  return (_req: IncomingMessage, res: ServerResponse, url: URL) => {
    const view = url.pathname.split('/')[3];
    if (view === 'messages') {
      const filter = { userPoolId: url.searchParams.get('userPoolId') ?? undefined, username: url.searchParams.get('username') ?? undefined };
      return send(res, 200, { messages: engine.outbox.list(filter) });
    }
    if (view === 'pools') return send(res, 200, { pools: engine.listPools().map(describePool) });
    send(res, 404, { message: 'Try /_local/cognito/messages or /_local/cognito/pools' });
  };
}

function describePool(pool: ReturnType<CognitoEngine['listPools']>[number]) {
  return {
    userPoolId: pool.id,
    name: pool.config.name,
    issuer: pool.issuer,
    clients: pool.listClients().map((client) => ({ clientId: client.clientId, clientName: client.clientName, authFlows: [...client.authFlows] })),
    groups: pool.listGroups().map((group) => group.groupName),
    users: pool.users.list().length,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
