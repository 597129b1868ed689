import { describe, expect, it } from 'vitest';
import type { ConfigSources } from '../config';
import { isPipelineSynth, loadPipelineConfig, PipelineConfigError } from './pipeline-config';
import { PIPELINE_CONTEXT } from './testing-context';

function sources(context: Record<string, string | undefined> = PIPELINE_CONTEXT, env: Record<string, string> = {}) {
  return { context: (key: string) => context[key], env } satisfies ConfigSources;
}

describe('loadPipelineConfig', () => {
  it('reads the source, the accounts and the regions from context', () => {
    const config = loadPipelineConfig(sources());

    expect(config).toMatchObject({
      env: { account: '111111111111', region: 'eu-west-1' },
      repository: 'my-org/shop',
      branch: 'main',
      connectionArn: PIPELINE_CONTEXT.connectionArn,
      e2eRoleArn: 'arn:aws:iam::222222222222:role/shop-e2e',
      storefrontUrl: 'https://staging.shop.example.com',
    });
    expect(config.staging).toMatchObject({
      stageName: 'staging',
      env: { account: '222222222222', region: 'eu-west-1' },
    });
    expect(config.prod).toMatchObject({ stageName: 'prod', env: { account: '333333333333', region: 'eu-west-1' } });
  });

  it('gives staging and prod their own stage settings: prod retains its data, both release by canary', () => {
    const config = loadPipelineConfig(sources());

    expect([config.staging.retainStatefulResources, config.prod.retainStatefulResources]).toEqual([false, true]);
    expect([config.staging.rollout, config.prod.rollout]).toEqual(['canary', 'canary']);
  });

  it('deploys each stage to its own region when one is given', () => {
    const config = loadPipelineConfig(sources({ ...PIPELINE_CONTEXT, prodRegion: 'eu-central-1', branch: 'release' }));

    expect(config.prod.env.region).toBe('eu-central-1');
    expect(config.staging.env.region).toBe('eu-west-1');
    expect(config.branch).toBe('release');
  });

  it("falls back to CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION for the pipeline's own account", () => {
    const { account: _account, region: _region, ...rest } = PIPELINE_CONTEXT;

    const config = loadPipelineConfig(
      sources(rest, { CDK_DEFAULT_ACCOUNT: '444444444444', CDK_DEFAULT_REGION: 'us-east-1' }),
    );

    expect(config.env).toEqual({ account: '444444444444', region: 'us-east-1' });
    expect(config.prod.env.region).toBe('us-east-1');
  });

  it('keeps every input, defaults resolved, so the pipeline re-synthesizes itself the same way', () => {
    const config = loadPipelineConfig(sources());

    expect(config.context).toMatchObject({
      repository: 'my-org/shop',
      stagingRegion: 'eu-west-1',
      prodRegion: 'eu-west-1',
      storefrontUrl: 'https://staging.shop.example.com',
    });
  });

  it('runs without browser smoke tests when no staging storefront is configured', () => {
    const config = loadPipelineConfig(sources({ ...PIPELINE_CONTEXT, storefrontUrl: undefined }));

    expect(config.storefrontUrl).toBeUndefined();
  });

  it.each([
    ['connectionArn', undefined, /connectionArn/],
    ['connectionArn', 'arn:aws:s3:::bucket', /CodeConnections connection/],
    ['repository', 'shop', /owner\/name/],
    ['prodAccount', undefined, /prodAccount/],
    ['e2eRoleArn', 'shop-e2e', /IAM role ARN/],
    ['storefrontUrl', 'http://staging.example.com', /https URL/],
  ])('refuses a missing or malformed %s, saying how to set it', (key, value, message) => {
    const act = () => loadPipelineConfig(sources({ ...PIPELINE_CONTEXT, [key]: value }));

    expect(act).toThrow(PipelineConfigError);
    expect(act).toThrow(message);
    expect(act).toThrow(/-c <key>=<value>/);
  });

  it('gives its error a stable code', () => {
    const act = () => loadPipelineConfig(sources({}));

    expect(act).toThrow(
      expect.objectContaining({ name: 'PipelineConfigError', code: 'INFRA.INVALID_PIPELINE_CONFIG' }),
    );
  });
});

describe('isPipelineSynth', () => {
  it.each([
    [{ pipeline: 'true' }, true],
    [{ pipeline: true }, true],
    [{ pipeline: 'false' }, false],
    [{}, false],
  ])('with context %o is %s', (context, expected) => {
    expect(isPipelineSynth((key) => (context as Record<string, unknown>)[key])).toBe(expected);
  });
});
