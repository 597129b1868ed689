import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AssemblyLoadError } from './errors';

/** The parts of a CloudFormation template the local cloud reads. */
export interface CfnTemplate {
  readonly Parameters?: Record<string, { Type: string; Default?: unknown }>;
  readonly Conditions?: Record<string, unknown>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly Resources?: Record<string, CfnResource>;
  readonly Outputs?: Record<
    string,
    { Value: unknown; Export?: { Name: unknown }; Condition?: string; Description?: string }
  >;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Condition?: string;
  readonly DependsOn?: string | string[];
  readonly Metadata?: Record<string, unknown>;
}

/** One stack of the assembly, as `cdk deploy` would deploy it. */
export interface StackArtifact {
  readonly artifactId: string;
  /** The CloudFormation stack name (`Stage-Stack` inside a Stage). */
  readonly stackName: string;
  /** The construct path shown by the CDK CLI (`Stage/Stack`). */
  readonly displayName: string;
  readonly template: CfnTemplate;
  /** The stack's region when its environment names one, else undefined (environment-agnostic). */
  readonly region?: string;
  /** Artifact ids of the stacks this one depends on. */
  readonly dependencies: readonly string[];
  /** Parameter values the manifest sets. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Asset object key (`<hash>.zip`) to the absolute path of its source in cdk.out. */
  readonly assets: ReadonlyMap<string, string>;
  readonly assemblyDir: string;
}

export interface CloudAssembly {
  readonly directory: string;
  readonly stacks: readonly StackArtifact[];
  /** The nested assemblies (CDK Stages) of the top-level assembly, by construct path. */
  readonly stages: readonly string[];
}

interface ManifestArtifact {
  type: string;
  environment?: string;
  displayName?: string;
  dependencies?: string[];
  properties?: {
    templateFile?: string;
    stackName?: string;
    parameters?: Record<string, string>;
    file?: string;
    directoryName?: string;
    displayName?: string;
  };
}

type Manifest = { artifacts?: Record<string, ManifestArtifact> };

/**
 * Loads a cloud assembly (the `cdk.out` folder `cdk synth` writes): its stacks, or the stacks of one Stage
 * (a nested assembly) when `stage` is given or when the assembly holds nothing but one Stage.
 *
 * @example
 * const assembly = loadAssembly('cdk.out', { stage: 'Dev' });
 * assembly.stacks.map((s) => s.stackName); // ['Dev-Data', 'Dev-Services']
 */
export function loadAssembly(directory: string, options: { stage?: string } = {}): CloudAssembly {
  const root = resolve(directory);
  const manifest = readManifest(root);
  const stages = stagesOf(manifest);
  if (options.stage) {
    const nested = stages.find((s) => s.displayName === options.stage || s.id === options.stage);
    if (!nested)
      throw new AssemblyLoadError(
        `No stage "${options.stage}" in ${root}; stages: ${stages.map((s) => s.displayName).join(', ') || 'none'}`,
      );
    return loadAssembly(join(root, nested.directoryName));
  }
  const stacks = stacksOf(root, manifest);
  if (stacks.length === 0 && stages.length === 1) return loadAssembly(join(root, stages[0]!.directoryName));
  if (stacks.length === 0 && stages.length > 1) {
    throw new AssemblyLoadError(
      `${root} has no top-level stacks but ${stages.length} stages: choose one of ${stages.map((s) => s.displayName).join(', ')}`,
    );
  }
  return { directory: root, stacks, stages: stages.map((s) => s.displayName) };
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file))
    throw new AssemblyLoadError(`${dir} is not a cloud assembly: manifest.json is missing (run cdk synth?)`);
  return readJson(file) as Manifest;
}

function stagesOf(manifest: Manifest): { id: string; displayName: string; directoryName: string }[] {
  return Object.entries(manifest.artifacts ?? {})
    .filter(([, a]) => a.type === 'cdk:cloud-assembly' && a.properties?.directoryName)
    .map(([id, a]) => ({
      id,
      displayName: a.properties?.displayName ?? a.displayName ?? id,
      directoryName: a.properties!.directoryName!,
    }));
}

function stacksOf(dir: string, manifest: Manifest): StackArtifact[] {
  const artifacts = manifest.artifacts ?? {};
  const stackIds = new Set(Object.keys(artifacts).filter((id) => artifacts[id]!.type === 'aws:cloudformation:stack'));
  return [...stackIds].map((id) => {
    const artifact = artifacts[id]!;
    const templateFile = join(dir, artifact.properties?.templateFile ?? `${id}.template.json`);
    if (!existsSync(templateFile)) throw new AssemblyLoadError(`Stack ${id}: template ${templateFile} is missing`);
    const deps = artifact.dependencies ?? [];
    const region = artifact.environment?.split('/')[3];
    return {
      artifactId: id,
      stackName: artifact.properties?.stackName ?? id,
      displayName: artifact.displayName ?? id,
      template: readJson(templateFile) as CfnTemplate,
      ...(region && region !== 'unknown-region' && { region }),
      dependencies: deps.filter((dep) => stackIds.has(dep)),
      parameters: artifact.properties?.parameters ?? {},
      assets: assetsOf(
        dir,
        deps.map((dep) => artifacts[dep]).filter((a) => a?.type === 'cdk:asset-manifest'),
      ),
      assemblyDir: dir,
    };
  });
}

interface AssetManifest {
  files?: Record<string, { source: { path?: string }; destinations: Record<string, { objectKey: string }> }>;
}

function assetsOf(dir: string, manifests: (ManifestArtifact | undefined)[]): Map<string, string> {
  const assets = new Map<string, string>();
  for (const artifact of manifests) {
    const file = artifact?.properties?.file;
    if (!file) continue;
    const content = readJson(join(dir, file)) as AssetManifest;
    for (const asset of Object.values(content.files ?? {})) {
      if (!asset.source.path) continue;
      for (const destination of Object.values(asset.destinations))
        assets.set(destination.objectKey, join(dir, asset.source.path));
    }
  }
  return assets;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AssemblyLoadError(`Cannot read ${file}`, { cause: err });
  }
}
