import type { IncomingMessage, ServerResponse } from 'node:http';
import { FEATURE_FLAGS, renderConfiguration, type AppConfigStore } from '../engine/config-store';
import { evaluateFlags, parseFlagsDocument } from '../engine/feature-flags';
import { AppConfigApiError } from '../errors';

const AGENT_PATH = /^\/applications\/([^/]+)\/environments\/([^/]+)\/configurations\/([^/]+)\/?$/;

/**
 * The AppConfig Agent's local HTTP interface (the Lambda extension and the container agent serve it on
 * localhost:2772): `GET /applications/{app}/environments/{env}/configurations/{profile}` returns the deployed
 * configuration, feature flags evaluated; `?flag=key` returns one flag, repeated `flag`s a subset. The agent
 * caches and polls; locally every request reads the deployed version, so a change shows at once.
 * Resolves false for any other path.
 *
 * @example
 * if (await serveAgent(store, req, res)) return;
 */
export async function serveAgent(store: AppConfigStore, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local');
  const match = AGENT_PATH.exec(url.pathname);
  if (!match || req.method !== 'GET') return false;
  const [, app = '', env = '', profile = ''] = match.map((part) => decodeURIComponent(part));
  try {
    const target = store.resolve(app, env, profile);
    const deployed = store.deployed(target);
    if (!deployed) return sendText(res, 404, `No configuration of ${target.profile.name} is deployed to ${target.environment.name}`);
    const flags = url.searchParams.getAll('flag');
    const headers = { 'configuration-version': String(deployed.version.versionNumber) };
    if (flags.length === 0) {
      const { body, contentType } = renderConfiguration(target.profile, deployed.version);
      return send(res, 200, body, { 'content-type': contentType, ...headers });
    }
    if (target.profile.type !== FEATURE_FLAGS) return sendText(res, 400, `The flag parameter applies to ${FEATURE_FLAGS} configurations only`);
    const evaluated = evaluateFlags(parseFlagsDocument(deployed.version.content), flags);
    const missing = flags.find((flag) => !(flag in evaluated));
    if (missing) return sendText(res, 404, `Flag ${missing} not found in ${target.profile.name}`);
    return send(res, 200, JSON.stringify(flags.length === 1 ? evaluated[flags[0] ?? ''] : evaluated), { 'content-type': 'application/json', ...headers });
  } catch (err) {
    if (err instanceof AppConfigApiError) return sendText(res, err.statusCode, err.message);
    throw err;
  }
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): true {
  res.writeHead(status, headers);
  res.end(body);
  return true;
}

function sendText(res: ServerResponse, status: number, message: string): true {
  return send(res, status, message, { 'content-type': 'text/plain; charset=utf-8' });
}
