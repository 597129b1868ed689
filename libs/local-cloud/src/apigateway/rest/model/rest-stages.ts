import type { Json, JsonObject, ResolvedResource } from '../../../core/contracts';
import type { Throttle } from '../../model/http-api';
import {
  ACCOUNT_BURST_LIMIT,
  ACCOUNT_RATE_LIMIT,
  isObject,
  numberProp,
  objectProp,
  stringMap,
  stringProp,
} from '../../model/resource-parts';
import type { RestStage } from './rest-api';

/**
 * The stages of a REST API, and the stage a Deployment with `StageName` creates (its `StageDescription` included).
 * @internal
 */
export function stagesOf(
  stages: readonly ResolvedResource[],
  deployments: readonly ResolvedResource[],
): Map<string, RestStage> {
  const byName = new Map<string, RestStage>();
  for (const d of deployments) {
    const name = stringProp(d.properties, 'StageName');
    const description = objectProp(d.properties, 'StageDescription');
    if (name)
      byName.set(name, {
        name,
        variables: stringMap(description.Variables),
        ...throttlesOf([
          { ...description, HttpMethod: '*', ResourcePath: '/*' },
          ...objectList(description.MethodSettings),
        ]),
      });
  }
  for (const s of stages) {
    const name = stringProp(s.properties, 'StageName') ?? s.ref;
    byName.set(name, {
      name,
      variables: stringMap(s.properties.Variables),
      ...throttlesOf(objectList(s.properties.MethodSettings)),
    });
  }
  return byName;
}

/** `MethodSettings` throttles: `*` on `/*` for every method, else one method (`ResourcePath` `/~1checkout` is `/checkout`). */
function throttlesOf(settings: readonly JsonObject[]): Pick<RestStage, 'defaultThrottle' | 'methodThrottles'> {
  const methodThrottles = new Map<string, Throttle>();
  let defaultThrottle: Throttle | undefined;
  for (const setting of settings) {
    const burst = numberProp(setting, 'ThrottlingBurstLimit');
    const rate = numberProp(setting, 'ThrottlingRateLimit');
    if (burst === undefined && rate === undefined) continue;
    const throttle = { burstLimit: burst ?? ACCOUNT_BURST_LIMIT, rateLimit: rate ?? ACCOUNT_RATE_LIMIT };
    const method = stringProp(setting, 'HttpMethod') ?? '*';
    const raw = stringProp(setting, 'ResourcePath') ?? '/*';
    const path = raw === '/*' ? raw : raw.slice(1).replace(/~1/g, '/') || '/';
    if (method === '*' && path === '/*') defaultThrottle = throttle;
    else methodThrottles.set(`${method} ${path}`, throttle);
  }
  return { ...(defaultThrottle && { defaultThrottle }), methodThrottles };
}

function objectList(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}
