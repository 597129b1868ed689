import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json, LambdaInvoker, ResolvedResource, RunningService, ServicePlugin } from './contracts';
import { LOCAL_CREDENTIALS } from './endpoint-env';
import { Gateway } from './gateway';
import { silentLogger } from './logger';
import { declaresType } from './ownership';
import { makeLatePorts } from './ports';

export const HARNESS_REGION = 'us-east-1';
export const HARNESS_ACCOUNT = '000000000000';

/** @internal SDK client settings that reach a harness's gateway. */
export const harnessClientConfig = (endpoint: string) => ({
  endpoint,
  region: HARNESS_REGION,
  credentials: { accessKeyId: LOCAL_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: LOCAL_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
});

/** @internal A `lambda` port that records each invoke and answers with what `respond` returns. */
export class RecordingLambda implements LambdaInvoker {
  readonly invocations: Array<{ functionArn: string; payload: Json }> = [];
  constructor(private readonly respond: (payload: Json) => Json = () => null) {}

  async invoke(functionArn: string, payload: Json): Promise<Json> {
    this.invocations.push({ functionArn, payload });
    return this.respond(payload);
  }

  async invokeAsync(functionArn: string, payload: Json): Promise<void> {
    this.invocations.push({ functionArn, payload });
  }
}

/** @internal One plug-in started as `LocalCloud` starts it, behind a real gateway, with a recording lambda port. */
export interface PluginHarness {
  readonly url: string;
  readonly service: RunningService;
  readonly lambda: RecordingLambda;
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * @internal
 * Starts `plugin` with the given resolved resources (those it owns, as LocalCloud would hand them over).
 * @example
 * const harness = await startPlugin(sqsPlugin(), (url) => [aQueue(url, 'jobs')]);
 */
export async function startPlugin(
  plugin: ServicePlugin,
  resourcesAt: (url: string) => ResolvedResource[],
  lambda = new RecordingLambda(),
): Promise<PluginHarness> {
  const gateway = new Gateway({ logger: silentLogger });
  const url = await gateway.listen(0);
  const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-plugin-'));
  const { ports, provide } = makeLatePorts();
  provide({ lambda });
  const all = resourcesAt(url);
  const resources = all.filter((r) => declaresType(plugin, r.type) && (plugin.owns?.(r, all) ?? true));
  const ctx = { resources, allResources: all, ports, logger: silentLogger, endpointUrl: url, region: HARNESS_REGION, accountId: HARNESS_ACCOUNT, dataDir };
  const service = await plugin.start(ctx);
  service.endpoints.forEach((endpoint) => gateway.register(endpoint));
  Object.entries(service.localRoutes ?? {}).forEach(([name, route]) => gateway.route(name, route));
  if (service.provides) provide(service.provides);
  return {
    url,
    service,
    lambda,
    dataDir,
    async close() {
      await service.stop();
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * @internal
 * Polls `read` until `done` accepts its value (pollers and sweepers work in the background); fails after
 * `attempts` tries so a broken wiring fails the test instead of hanging it.
 */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, attempts = 100, pauseMs = 100): Promise<T> {
  let value = await read();
  for (let attempt = 1; attempt < attempts && !done(value); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    value = await read();
  }
  return value;
}
