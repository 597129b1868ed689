import { z } from 'zod';
import { type ConfigSources, loadStageConfig, type StageConfig, StageConfigError } from '../config';

/** The CDK context keys the pipeline reads, each passed as `-c <key>=<value>` (or set in cdk.context.json). */
export const PIPELINE_CONTEXT_KEYS = [
  'repository',
  'branch',
  'connectionArn',
  'account',
  'region',
  'stagingAccount',
  'stagingRegion',
  'prodAccount',
  'prodRegion',
  'e2eRoleArn',
  'storefrontUrl',
] as const;
type PipelineContextKey = (typeof PIPELINE_CONTEXT_KEYS)[number];

export interface PipelineConfig {
  /** The tooling account and region the pipeline lives in. */
  readonly env: { readonly account: string; readonly region: string };
  /** `owner/repository` on GitHub (or another provider behind the connection), and the branch that deploys. */
  readonly repository: string;
  readonly branch: string;
  /** The CodeConnections (CodeStar Connections) connection to the repository, created once in the console. */
  readonly connectionArn: string;
  readonly staging: StageConfig & { readonly env: NonNullable<StageConfig['env']> };
  readonly prod: StageConfig & { readonly env: NonNullable<StageConfig['env']> };
  /** A role in the staging account the end-to-end suite runs as (tagged `shop-service=orders`, see docs/operations.md). */
  readonly e2eRoleArn: string;
  /** The staging storefront, for the browser smoke tests. @default - no browser smoke tests */
  readonly storefrontUrl: string | undefined;
  /** The inputs as given, so the pipeline's own synth step synthesizes the same pipeline. */
  readonly context: Readonly<Partial<Record<PipelineContextKey, string>>>;
}

export class PipelineConfigError extends Error {
  override readonly name = 'PipelineConfigError';
  readonly code = 'INFRA.INVALID_PIPELINE_CONFIG';
}

const ACCOUNT = z.string().regex(/^\d{12}$/, { error: 'must be a 12-digit AWS account id' });
const REGION = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'must be an AWS region such as eu-west-1' });
const Inputs = z.object({
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be owner/name, e.g. my-org/shop' }),
  branch: z.string().min(1),
  connectionArn: z
    .string()
    .regex(/^arn:aws[\w-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[\w-]+$/, {
      error: 'must be the ARN of a CodeConnections connection',
    }),
  account: ACCOUNT,
  region: REGION,
  stagingAccount: ACCOUNT,
  stagingRegion: REGION,
  prodAccount: ACCOUNT,
  prodRegion: REGION,
  e2eRoleArn: z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, { error: 'must be an IAM role ARN' }),
  storefrontUrl: z.url({ protocol: /^https$/, error: 'must be an https URL' }).optional(),
});

/**
 * Reads the pipeline's configuration from CDK context (`-c repository=my-org/shop ...`): where the source is, and
 * which account and region the pipeline, staging and prod live in. Staging and prod regions default to the
 * pipeline's; the pipeline's account and region fall back to CDK_DEFAULT_ACCOUNT/CDK_DEFAULT_REGION. Nothing is
 * looked up: synth works offline.
 *
 * @example
 * const config = loadPipelineConfig({ context: (key) => app.node.tryGetContext(key), env: process.env });
 */
export function loadPipelineConfig({ context, env }: ConfigSources): PipelineConfig {
  const given = Object.fromEntries(
    PIPELINE_CONTEXT_KEYS.map((key) => [key, context(key)]).filter(([, value]) => value !== undefined),
  ) as Partial<Record<PipelineContextKey, string>>;
  const region = given.region ?? env.CDK_DEFAULT_REGION;
  const parsed = Inputs.safeParse({
    branch: 'main',
    ...given,
    account: given.account ?? env.CDK_DEFAULT_ACCOUNT,
    region,
    stagingRegion: given.stagingRegion ?? region,
    prodRegion: given.prodRegion ?? region,
  });
  if (!parsed.success) {
    throw new PipelineConfigError(
      `Invalid pipeline configuration (set each with -c <key>=<value>): ${z.prettifyError(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  const inputs = parsed.data;
  return {
    env: { account: inputs.account, region: inputs.region },
    repository: inputs.repository,
    branch: inputs.branch,
    connectionArn: inputs.connectionArn,
    staging: deployedStage('staging', inputs.stagingAccount, inputs.stagingRegion),
    prod: deployedStage('prod', inputs.prodAccount, inputs.prodRegion),
    e2eRoleArn: inputs.e2eRoleArn,
    storefrontUrl: inputs.storefrontUrl,
    context: {
      ...given,
      account: inputs.account,
      region: inputs.region,
      stagingRegion: inputs.stagingRegion,
      prodRegion: inputs.prodRegion,
    },
  };
}

function deployedStage(stage: 'staging' | 'prod', account: string, region: string) {
  const values: Record<string, string> = { stage, account, region };
  const config = loadStageConfig({ context: (key) => values[key], env: {} });
  // loadStageConfig requires both for staging and prod; this narrows the type to say so.
  if (!config.env) throw new StageConfigError(`${stage} has no account and region`);
  return { ...config, env: config.env };
}

/**
 * Whether this synth is of the pipeline (`-c pipeline=true`) rather than of one stage.
 *
 * @example
 * if (isPipelineSynth((key) => app.node.tryGetContext(key))) definePipelineApp(app, process.env);
 */
export function isPipelineSynth(context: ConfigSources['context']): boolean {
  const value = context('pipeline');
  return value === true || value === 'true';
}
