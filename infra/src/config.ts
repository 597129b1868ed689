import type { Rollout } from '@shop/cdk-constructs';
import { Duration } from 'aws-cdk-lib';
import { z } from 'zod';

export const STAGE_NAMES = ['dev', 'staging', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** What differs between stages, decided in code and reviewed like code. */
const STAGE_SETTINGS: Record<
  StageName,
  {
    archiveRetentionDays: number;
    retainStatefulResources: boolean;
    seedCatalog: boolean;
    gradualRollout: boolean;
    rollout: Rollout;
    /** Host the storefront (OpenNext on Lambda + CloudFront, ADR 26) and the images CDN in this stage. */
    hostStorefront: boolean;
  }
> = {
  // dev is torn down and rebuilt freely; a week of archived events is enough to replay a bug. A canary there
  // would only slow every deploy by five minutes with no traffic to judge it by.
  dev: {
    archiveRetentionDays: 7,
    retainStatefulResources: false,
    seedCatalog: true,
    gradualRollout: false,
    rollout: 'all-at-once',
    // The dev stage is what `npm start` and the e2e suite run locally, where `next dev` serves the storefront:
    // hosting it would need a Next.js build on every synth. `-c hostStorefront=true` hosts it in a dev account.
    hostStorefront: false,
  },
  // staging rolls changes out as prod does, so the rollout itself (and its rollback) is rehearsed.
  staging: {
    archiveRetentionDays: 30,
    retainStatefulResources: false,
    seedCatalog: true,
    gradualRollout: true,
    rollout: 'canary',
    hostStorefront: true,
  },
  // prod keeps a year of events to rebuild read models or backfill a new consumer, and sells a real catalog.
  prod: {
    archiveRetentionDays: 365,
    retainStatefulResources: true,
    seedCatalog: false,
    gradualRollout: true,
    rollout: 'canary',
    hostStorefront: true,
  },
};

export interface StageConfig {
  readonly stageName: StageName;
  /** Target account and region; undefined only for a dev stage synthesized without credentials. */
  readonly env: { readonly account: string; readonly region: string } | undefined;
  readonly archiveRetention: Duration;
  /** RETAIN stateful resources and protect the stateful stack from deletion. */
  readonly retainStatefulResources: boolean;
  /** Load the demo catalog (services/products/seed) on deploy: a custom resource, dev and staging only. */
  readonly seedCatalog: boolean;
  /** Roll configuration (feature flags) out by canary, watched by alarms, instead of all at once. */
  readonly gradualRollout: boolean;
  /**
   * How functions (CodeDeploy, `lambdaDeploymentConfig`) and state machines (alias deployment preference,
   * `stateMachineDeployment`) take new code: a 10% canary for five minutes, or all at once.
   */
  readonly rollout: Rollout;
  /** The storefront and the images CDN are hosted in this stage (needs `npm run build:aws -w apps/storefront`). */
  readonly hostStorefront: boolean;
}

export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
  readonly code = 'INFRA.INVALID_STAGE_CONFIG';
}

/** Where configuration comes from: CDK context (`-c stage=prod`) first, then the environment. */
export interface ConfigSources {
  readonly context: (key: string) => unknown;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const Inputs = z.object({
  stage: z.enum(STAGE_NAMES, { error: `stage must be one of ${STAGE_NAMES.join(', ')} (set it with -c stage=<name>)` }),
  account: z
    .string()
    .regex(/^\d{12}$/, { error: 'account must be a 12-digit AWS account id' })
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { error: 'region must be an AWS region such as eu-west-1' })
    .optional(),
  hostStorefront: z
    .enum(['true', 'false'], { error: 'hostStorefront must be true or false (-c hostStorefront=true)' })
    .optional(),
});

/**
 * Reads and validates the stage configuration. No lookups: synth works offline.
 * staging and prod must name their account and region (context `account`/`region`, or
 * CDK_DEFAULT_ACCOUNT/CDK_DEFAULT_REGION), so they never deploy to whatever credentials are at hand.
 * dev without both synthesizes environment-agnostic stacks.
 *
 * @example
 * const config = loadStageConfig({ context: (key) => app.node.tryGetContext(key), env: process.env });
 */
export function loadStageConfig({ context, env }: ConfigSources): StageConfig {
  const parsed = Inputs.safeParse({
    stage: context('stage') ?? 'dev',
    account: context('account') ?? env.CDK_DEFAULT_ACCOUNT,
    region: context('region') ?? env.CDK_DEFAULT_REGION,
    hostStorefront: optionalString(context('hostStorefront')),
  });
  if (!parsed.success) {
    throw new StageConfigError(`Invalid stage configuration: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  const { stage, account, region, hostStorefront } = parsed.data;
  const settings = STAGE_SETTINGS[stage];
  const known = account !== undefined && region !== undefined;
  if (!known && stage !== 'dev') {
    throw new StageConfigError(
      `Invalid stage configuration: ${stage} needs an account and a region ` +
        '(-c account=123456789012 -c region=eu-west-1, or CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION)',
    );
  }
  return {
    stageName: stage,
    env: known ? { account, region } : undefined,
    archiveRetention: Duration.days(settings.archiveRetentionDays),
    retainStatefulResources: settings.retainStatefulResources,
    seedCatalog: settings.seedCatalog,
    gradualRollout: settings.gradualRollout,
    rollout: settings.rollout,
    hostStorefront: hostStorefront === undefined ? settings.hostStorefront : hostStorefront === 'true',
  };
}

/** CDK context from the command line is a string; from cdk.json or a test it may be a boolean. */
function optionalString(value: unknown): string | undefined {
  return value === undefined ? undefined : String(value);
}
