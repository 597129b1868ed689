import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Json, JsonObject, ResolvedResource } from '../core/contracts';

/** One function as deployed: what the runtime needs to run its code. */
export interface FunctionConfig {
  readonly name: string;
  readonly arn: string;
  readonly handler: string;
  readonly runtime: string;
  /** The folder holding the bundled code (CDK's asset folder). */
  readonly codeDir: string | undefined;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Reserved concurrency: at most this many environments at once (0 throttles every invoke). */
  readonly reservedConcurrency: number | undefined;
  readonly environment: Readonly<Record<string, string>>;
  readonly deadLetterArn: string | undefined;
  /** LoggingConfig: 'Text' (default) or 'JSON', and the application log level JSON logs are filtered by. */
  readonly logFormat: 'Text' | 'JSON';
  readonly applicationLogLevel: string | undefined;
}

/** An EventInvokeConfig: Lambda's asynchronous retry and destination settings for one qualifier. */
export interface AsyncConfig {
  readonly maxRetryAttempts: number;
  readonly maxEventAgeSeconds: number;
  readonly onSuccess: string | undefined;
  readonly onFailure: string | undefined;
}

export const DEFAULT_ASYNC_CONFIG: AsyncConfig = { maxRetryAttempts: 2, maxEventAgeSeconds: 21_600, onSuccess: undefined, onFailure: undefined };

/** Every function, version, alias and EventInvokeConfig of the assembly, by function name. */
export interface FunctionRegistry {
  readonly functions: ReadonlyMap<string, FunctionConfig>;
  /** `name` → published version numbers. */
  readonly versions: ReadonlyMap<string, ReadonlySet<string>>;
  /** `name:alias` → the version it points at. */
  readonly aliases: ReadonlyMap<string, string>;
  /** `name:qualifier` → async settings ('$LATEST' for the unqualified function). */
  readonly asyncConfigs: ReadonlyMap<string, AsyncConfig>;
}

/**
 * Reads the resolved `AWS::Lambda::*` resources into a registry. Inline code (`Code.ZipFile`) is written
 * to `dataDir` as `index.js`, as CloudFormation does for Node.js runtimes.
 *
 * @example
 * const registry = buildRegistry(ctx.resources, ctx.dataDir);
 * registry.functions.get('Shop-Orders-PlaceOrder-AbC123')?.timeoutSeconds; // 3
 */
export function buildRegistry(resources: readonly ResolvedResource[], dataDir: string): FunctionRegistry {
  const functions = new Map<string, FunctionConfig>();
  const versions = new Map<string, Set<string>>();
  const aliases = new Map<string, string>();
  const asyncConfigs = new Map<string, AsyncConfig>();
  for (const r of resources.filter((x) => x.type === 'AWS::Lambda::Function')) functions.set(r.physicalName, functionOf(r, dataDir));
  for (const r of resources) {
    if (r.type === 'AWS::Lambda::Version') {
      const name = functionNameOf(String(r.properties.FunctionName));
      versions.set(name, (versions.get(name) ?? new Set()).add(String(r.attributes.Version)));
    } else if (r.type === 'AWS::Lambda::Alias') {
      aliases.set(`${functionNameOf(String(r.properties.FunctionName))}:${String(r.properties.Name)}`, String(r.properties.FunctionVersion));
    } else if (r.type === 'AWS::Lambda::EventInvokeConfig') {
      const key = `${functionNameOf(String(r.properties.FunctionName))}:${String(r.properties.Qualifier ?? '$LATEST')}`;
      asyncConfigs.set(key, asyncConfigOf(r.properties));
    }
  }
  return { functions, versions, aliases, asyncConfigs };
}

/** The function name in a name, a partial ARN or an ARN (with or without a qualifier). */
export function functionNameOf(reference: string): string {
  return parseFunctionReference(reference).name;
}

/**
 * Splits what Invoke accepts as FunctionName: `name`, `name:qualifier`, `123456789012:function:name[:q]`,
 * or `arn:aws:lambda:region:account:function:name[:q]`.
 *
 * @example
 * parseFunctionReference('arn:aws:lambda:us-east-1:000000000000:function:f:live'); // { name: 'f', qualifier: 'live' }
 */
export function parseFunctionReference(reference: string): { name: string; qualifier: string | undefined } {
  const parts = reference.split(':');
  const at = parts.indexOf('function');
  const [name = reference, qualifier] = at >= 0 ? parts.slice(at + 1) : parts;
  return { name, qualifier };
}

function functionOf(r: ResolvedResource, dataDir: string): FunctionConfig {
  const p = r.properties;
  const variables = ((p.Environment as JsonObject | undefined)?.Variables ?? {}) as Record<string, Json>;
  const logging = (p.LoggingConfig ?? {}) as JsonObject;
  return {
    name: r.physicalName,
    arn: r.arn ?? '',
    handler: String(p.Handler ?? 'index.handler'),
    runtime: String(p.Runtime ?? 'nodejs24.x'),
    codeDir: r.assetPath ?? inlineCode(r, dataDir),
    timeoutSeconds: Number(p.Timeout ?? 3),
    memoryMb: Number(p.MemorySize ?? 128),
    reservedConcurrency: p.ReservedConcurrentExecutions === undefined ? undefined : Number(p.ReservedConcurrentExecutions),
    environment: Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
    deadLetterArn: ((p.DeadLetterConfig as JsonObject | undefined)?.TargetArn as string | undefined) ?? undefined,
    logFormat: logging.LogFormat === 'JSON' ? 'JSON' : 'Text',
    applicationLogLevel: typeof logging.ApplicationLogLevel === 'string' ? logging.ApplicationLogLevel : undefined,
  };
}

function inlineCode(r: ResolvedResource, dataDir: string): string | undefined {
  const zipFile = (r.properties.Code as JsonObject | undefined)?.ZipFile;
  if (typeof zipFile !== 'string') return undefined;
  const dir = join(dataDir, 'inline-code', r.physicalName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.js'), zipFile);
  return dir;
}

function asyncConfigOf(p: JsonObject): AsyncConfig {
  const destinations = (p.DestinationConfig ?? {}) as { OnSuccess?: { Destination?: string }; OnFailure?: { Destination?: string } };
  return {
    maxRetryAttempts: Number(p.MaximumRetryAttempts ?? DEFAULT_ASYNC_CONFIG.maxRetryAttempts),
    maxEventAgeSeconds: Number(p.MaximumEventAgeInSeconds ?? DEFAULT_ASYNC_CONFIG.maxEventAgeSeconds),
    onSuccess: destinations.OnSuccess?.Destination,
    onFailure: destinations.OnFailure?.Destination,
  };
}
