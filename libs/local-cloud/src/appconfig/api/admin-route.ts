import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Json, LocalRoute } from '../../core/contracts';
import { FEATURE_FLAGS, type AppConfigStore, type Target } from '../engine/config-store';
import { evaluateFlags, parseFlagsDocument, type FlagChange } from '../engine/feature-flags';
import { AppConfigApiError, FlagChangeError } from '../errors';

const TARGET = /^\/_local\/appconfig\/applications\/([^/]+)\/environments\/([^/]+)\/configurations\/([^/]+)(?:\/flags\/([^/]+))?\/?$/;

/**
 * The local admin interface (for the web console and tests), not an AWS API:
 * - `GET /_local/appconfig`: applications, their environments and profiles, and each deployed version's flags;
 * - `GET /_local/appconfig/applications/{app}/environments/{env}/configurations/{profile}`: the deployed flags;
 * - `PUT` (or `PATCH`) `.../configurations/{profile}/flags/{flag}` with `{ "enabled": false, "attributes": { "limit": 3 } }`:
 *   a new version with the change, deployed to that environment; clients see it on their next poll or request.
 * Identifiers are ids or names. Errors: 400/404 `{ code, message }`.
 *
 * @example
 * await fetch(`${url}/_local/appconfig/applications/shop/environments/dev/configurations/flags/flags/checkout`, { method: 'PUT', body: '{"enabled":false}' });
 */
export function makeAppConfigAdminRoute(store: AppConfigStore): LocalRoute {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    try {
      if (url.pathname.replace(/\/$/, '') === '/_local/appconfig' && req.method === 'GET') return send(res, 200, { applications: overview(store) });
      const match = TARGET.exec(url.pathname);
      if (!match) return send(res, 404, { code: 'APPCONFIG.NOT_FOUND', message: `No admin route ${req.method} ${url.pathname}` });
      const [, app = '', env = '', profile = '', flag] = match.map((part) => (part === undefined ? undefined : decodeURIComponent(part)));
      const target = store.resolve(app, env, profile);
      if (!flag && req.method === 'GET') return send(res, 200, describeTarget(store, target));
      if (flag && (req.method === 'PUT' || req.method === 'PATCH')) return send(res, 200, store.changeFlag(target, flag, parseChange(await readBody(req))));
      send(res, 405, { code: 'APPCONFIG.METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${url.pathname}` });
    } catch (err) {
      if (err instanceof FlagChangeError) return send(res, err.code === 'APPCONFIG.FLAG_NOT_FOUND' ? 404 : 400, { code: err.code, message: err.message });
      if (err instanceof AppConfigApiError) return send(res, err.statusCode, { code: `APPCONFIG.${err.type}`, message: err.message });
      throw err;
    }
  };
}

function overview(store: AppConfigStore) {
  return store.listApplications().map((application) => ({
    id: application.id,
    name: application.name,
    environments: application.environments.map((environment) => ({
      id: environment.id,
      name: environment.name,
      configurations: application.profiles.map((profile) => describeTarget(store, { application, environment, profile })),
    })),
  }));
}

function describeTarget(store: AppConfigStore, target: Target) {
  const deployed = store.deployed(target);
  const flags = deployed && target.profile.type === FEATURE_FLAGS ? evaluateFlags(parseFlagsDocument(deployed.version.content)) : undefined;
  const definitions = deployed && target.profile.type === FEATURE_FLAGS ? parseFlagsDocument(deployed.version.content).flags : undefined;
  return { profile: { id: target.profile.id, name: target.profile.name, type: target.profile.type }, version: deployed?.version.versionNumber ?? null, flags: flags ?? null, definitions: definitions ?? null };
}

function parseChange(body: string): FlagChange {
  let parsed: { enabled?: Json; attributes?: Json };
  try {
    parsed = JSON.parse(body || '{}') as typeof parsed;
  } catch {
    throw new FlagChangeError('APPCONFIG.INVALID_FLAG_VALUE', 'The body is not JSON: send { "enabled": true, "attributes": { ... } }');
  }
  if (parsed.enabled !== undefined && typeof parsed.enabled !== 'boolean') throw new FlagChangeError('APPCONFIG.INVALID_FLAG_VALUE', '"enabled" must be true or false');
  const attributes = parsed.attributes;
  if (attributes !== undefined && (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes))) {
    throw new FlagChangeError('APPCONFIG.INVALID_FLAG_VALUE', '"attributes" must be an object');
  }
  return { ...(parsed.enabled !== undefined && { enabled: parsed.enabled }), ...(attributes && { attributes }) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
