import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import type { PipelineConfig } from './pipeline-config';

/**
 * The CI image's Node is older than the repository's: `npm ci` installs Node 24 as a devDependency (ADR 0003),
 * and npm scripts and npx run on it. The local cloud's tests look for the AWS CLI and a Chromium where Debian
 * puts them, as in .github/workflows/ci.yml.
 */
export const INSTALL_COMMANDS = [
  'npm ci',
  '[ -x /usr/bin/aws ] || ln -s "$(command -v aws)" /usr/bin/aws',
  '[ -x /usr/bin/chromium ] || ln -s "$(command -v google-chrome || command -v chromium-browser)" /usr/bin/chromium',
];

/** The CodeBuild image every step runs on: x86 because the browser tests need Chrome, which has no arm64 build. */
export const BUILD_ENVIRONMENT: codebuild.BuildEnvironment = {
  buildImage: codebuild.LinuxBuildImage.STANDARD_7_0,
  computeType: codebuild.ComputeType.MEDIUM,
};

/**
 * The `cdk synth` command that rebuilds this very pipeline (self-mutation), with the context it was configured
 * with: the values are identifiers (accounts, ARNs), not secrets.
 *
 * @example
 * synthCommand(config); // 'cd infra && npx cdk synth -c pipeline=true -c repository=my-org/shop ...'
 */
export function synthCommand(config: PipelineConfig): string {
  const context = Object.entries(config.context)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `-c ${key}=${shellQuote(String(value))}`);
  return ['cd infra && npx cdk synth --quiet -c pipeline=true', ...context].join(' ');
}

function shellQuote(value: string): string {
  return /^[\w.:/@=+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** An AWS profile for the e2e suite: the staging role, assumed with the CodeBuild container's credentials. */
function assumeRoleProfile(name: string): string {
  return (
    `mkdir -p ~/.aws && printf '[profile ${name}]\\nrole_arn = %s\\ncredential_source = EcsContainer\\n' ` +
    `"$E2E_ROLE_ARN" >> ~/.aws/config`
  );
}

/**
 * The post-deployment steps of staging: the end-to-end suite against the deployed stage and, when the staging
 * storefront's URL is configured, the browser smoke tests. Both run as the configured e2e role in the staging
 * account; the step's own role may only assume that role.
 *
 * @example
 * pipeline.addStage(staging, { post: stagingVerification(source, config) });
 */
export function stagingVerification(source: pipelines.IFileSetProducer, config: PipelineConfig): pipelines.Step[] {
  const assumeE2eRole = new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [config.e2eRoleArn] });
  const env = {
    E2E_ROLE_ARN: config.e2eRoleArn,
    AWS_PROFILE: 'shop-e2e',
    AWS_REGION: config.staging.env.region,
    AWS_DEFAULT_REGION: config.staging.env.region,
    SHOP_E2E_STAGE: 'staging',
  };
  const e2e = new pipelines.CodeBuildStep('EndToEndTests', {
    input: source,
    installCommands: INSTALL_COMMANDS,
    env,
    commands: [assumeRoleProfile('shop-e2e'), 'npx nx run e2e:test --skip-nx-cache'],
    rolePolicyStatements: [assumeE2eRole],
    buildEnvironment: BUILD_ENVIRONMENT,
  });
  if (config.storefrontUrl === undefined) return [e2e];
  const browser = new pipelines.CodeBuildStep('BrowserSmokeTests', {
    input: source,
    installCommands: INSTALL_COMMANDS,
    env: { ...env, SHOP_BROWSER_BASE_URL: config.storefrontUrl, CHROMIUM_PATH: '/usr/bin/chromium' },
    commands: [assumeRoleProfile('shop-e2e'), 'npx nx run dev:e2e-browser --skip-nx-cache'],
    rolePolicyStatements: [assumeE2eRole],
    buildEnvironment: BUILD_ENVIRONMENT,
  });
  browser.addStepDependency(e2e);
  return [e2e, browser];
}

/** Builds apps/storefront for Lambda (`.open-next/`), which the staging and prod stages' StorefrontStack deploys. */
export const STOREFRONT_BUILD_COMMAND = 'npm run build:aws -w apps/storefront';
