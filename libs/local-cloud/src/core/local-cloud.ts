import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSupport, loadAssembly, resolveAssembly, resolveDynamicReferences, settleOutputs, type ResolvedCloud } from '../template';
import type { Json, LateValues, LocalRoute, Logger, Ports, ResolvedResource, RunningService, ServicePlugin } from './contracts';
import { endpointEnvironment, LOCAL_CREDENTIALS } from './endpoint-env';
import { ServiceStartError } from './errors';
import { Gateway } from './gateway';
import { makeLogger } from './logger';
import { assignOwners } from './ownership';
import { makeLatePorts } from './ports';

export interface LocalCloudOptions {
  /** The cloud assembly folder (`cdk.out`). */
  readonly assembly: string;
  /** The Stage (nested assembly) to run, by construct path; optional when the assembly has one. */
  readonly stage?: string;
  /** The emulated services (see `defaultPlugins()` in src/services.ts). */
  readonly plugins: readonly ServicePlugin[];
  /** The gateway's port on 127.0.0.1; 0 (the default) picks a free one. */
  readonly port?: number;
  readonly accountId?: string;
  readonly region?: string;
  /** Parameter values by stack name, then parameter name. */
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly logger?: Logger;
}

export { ServiceStartError } from './errors';

/**
 * The local cloud: loads a cloud assembly, resolves its templates, starts each service plug-in with the
 * resources of its types, wires them through late-bound ports and serves them all on one 127.0.0.1 port.
 * Each plug-in gets its resources with their dynamic references (`{{resolve:...}}`) read through the
 * `secretsManager` and `ssm` ports as it starts. Once all have started, each running service's `afterStart`
 * runs (custom resources are created then), and the stack outputs get the values they answered.
 *
 * @example
 * const cloud = await LocalCloud.start({ assembly: 'cdk.out', plugins: defaultPlugins() });
 * process.env = { ...process.env, ...cloud.environment() };
 * await cloud.stop();
 */
export class LocalCloud {
  private constructor(
    readonly url: string,
    readonly resolved: ResolvedCloud,
    /** One line per resource type: emulated by which service, accepted (and why), or unsupported. */
    readonly report: readonly string[],
    private readonly gateway: Gateway,
    private readonly running: readonly RunningService[],
    private readonly dataDir: string,
    readonly region: string,
  ) {}

  static async start(options: LocalCloudOptions): Promise<LocalCloud> {
    const logger = options.logger ?? makeLogger();
    const region = options.region ?? 'us-east-1';
    const accountId = options.accountId ?? '000000000000';
    const assembly = loadAssembly(options.assembly, options.stage ? { stage: options.stage } : {});
    const gateway = new Gateway({ logger: logger.child({ service: 'gateway' }) });
    const url = await gateway.listen(options.port ?? 0);
    const dataDir = mkdtempSync(join(tmpdir(), 'local-cloud-'));
    const running: RunningService[] = [];
    try {
      const resolved = resolveAssembly(assembly, { accountId, region, endpointUrl: url, ...(options.parameters && { parameters: options.parameters }) });
      const ownerOf = assignOwners(options.plugins, resolved.resources);
      const { ports, provide } = makeLatePorts();
      for (const plugin of options.plugins) {
        // Dynamic references are read as their service starts: Secrets Manager and SSM have created their values.
        const resources = await resolveEach(resolved.resources.filter((r) => ownerOf(r) === plugin.name), ports);
        const ctx = { resources, allResources: resolved.resources, ports, logger: logger.child({ service: plugin.name }), endpointUrl: url, region, accountId, dataDir };
        const service = await plugin.start(ctx).catch((err: unknown) => {
          throw new ServiceStartError(`The ${plugin.name} service failed to start: ${(err as Error).message}`, { cause: err });
        });
        running.push(service);
        service.endpoints.forEach((endpoint) => gateway.register(endpoint));
        Object.entries(service.localRoutes ?? {}).forEach(([name, route]) => gateway.route(name, route));
        if (service.provides) provide(service.provides);
      }
      const settled = settleOutputs(resolved, await afterStart(options.plugins, running));
      const warnings = [...resolved.stacks.flatMap((s) => s.warnings), ...settled.warnings];
      const report = [...describeSupport(resolved.resources, ownerOf), ...warnings.map((w) => `warning     ${w}`)];
      for (const line of report) (line.startsWith('emulated') || line.startsWith('accepted') ? logger.debug : logger.warn)(line);
      const cloud = new LocalCloud(url, settled.cloud, report, gateway, running, dataDir, region);
      cloud.addLocalRoutes();
      logger.info('local cloud started', { url, stacks: resolved.stacks.map((s) => s.stackName), services: gateway.signingNames });
      return cloud;
    } catch (err) {
      await stopAll(running, gateway, dataDir);
      throw err;
    }
  }

  /** The signing names served ('lambda', 'dynamodb', ...). */
  get services(): string[] {
    return this.gateway.signingNames;
  }

  /**
   * What a process needs to reach this cloud with the AWS SDK v3 or the AWS CLI: one
   * `AWS_ENDPOINT_URL_<SERVICE>` per emulated service, the region and credentials it accepts.
   */
  environment(): Record<string, string> {
    return { ...endpointEnvironment(this.url, this.services), AWS_REGION: this.region, AWS_DEFAULT_REGION: this.region, ...LOCAL_CREDENTIALS };
  }

  /** The resolved outputs, by stack name. */
  outputs(): Record<string, Readonly<Record<string, Json>>> {
    return Object.fromEntries(this.resolved.stacks.map((s) => [s.stackName, s.outputs]));
  }

  async stop(): Promise<void> {
    await stopAll(this.running, this.gateway, this.dataDir);
  }

  private addLocalRoutes(): void {
    const json = (body: unknown): LocalRoute => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    this.gateway.route('health', json({ status: 'ok', url: this.url, services: this.services, pid: process.pid }));
    this.gateway.route('outputs', json(this.outputs()));
    this.gateway.route('resources', json({ report: this.report, resources: this.resolved.resources.map(({ properties: _p, ...r }) => r) }));
  }
}

/**
 * Runs each started service's `afterStart` once all are up (custom resources call the others), in plug-in
 * order, and gathers the late values they settle.
 */
async function afterStart(plugins: readonly ServicePlugin[], running: readonly RunningService[]): Promise<LateValues> {
  const values = new Map<string, string>();
  for (const [index, service] of running.entries()) {
    const settled = await service.afterStart?.().catch((err: unknown) => {
      throw new ServiceStartError(`The ${plugins[index]?.name} service failed to start: ${(err as Error).message}`, { cause: err });
    });
    for (const [token, value] of settled ?? []) values.set(token, value);
  }
  return values;
}

/** The resources with their dynamic references resolved, one after the other (the first failure names its resource). */
async function resolveEach(resources: readonly ResolvedResource[], ports: Ports): Promise<ResolvedResource[]> {
  const out: ResolvedResource[] = [];
  for (const resource of resources) out.push(await resolveDynamicReferences(resource, ports));
  return out;
}

async function stopAll(running: readonly RunningService[], gateway: Gateway, dataDir: string): Promise<void> {
  for (const service of [...running].reverse()) await service.stop();
  await gateway.close();
  rmSync(dataDir, { recursive: true, force: true });
}
