import { describe, expect, it } from 'vitest';
import { type ConfigSources, loadStageConfig, StageConfigError } from './config';

function sources(context: Record<string, string> = {}, env: Record<string, string> = {}): ConfigSources {
  return { context: (key) => context[key], env };
}

const PROD = { stage: 'prod', account: '123456789012', region: 'eu-west-1' };

describe('loadStageConfig', () => {
  it('defaults to an environment-agnostic dev stage when nothing is configured', () => {
    const config = loadStageConfig(sources());

    expect(config.stageName).toBe('dev');
    expect(config.env).toBeUndefined();
    expect(config.retainStatefulResources).toBe(false);
    expect(config.archiveRetention.toDays()).toBe(7);
  });

  it('retains stateful resources and keeps a year of events in prod', () => {
    const config = loadStageConfig(sources(PROD));

    expect(config).toMatchObject({
      stageName: 'prod',
      env: { account: '123456789012', region: 'eu-west-1' },
      retainStatefulResources: true,
    });
    expect(config.archiveRetention.toDays()).toBe(365);
  });

  it('falls back to CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION', () => {
    const config = loadStageConfig(
      sources({ stage: 'staging' }, { CDK_DEFAULT_ACCOUNT: '210987654321', CDK_DEFAULT_REGION: 'us-east-1' }),
    );

    expect(config.env).toEqual({ account: '210987654321', region: 'us-east-1' });
  });

  it('prefers context over the environment', () => {
    const config = loadStageConfig(
      sources(PROD, { CDK_DEFAULT_ACCOUNT: '210987654321', CDK_DEFAULT_REGION: 'us-east-1' }),
    );

    expect(config.env).toEqual({ account: '123456789012', region: 'eu-west-1' });
  });

  it('stays environment-agnostic in dev when only the region is known', () => {
    const config = loadStageConfig(sources({}, { CDK_DEFAULT_REGION: 'eu-west-1' }));

    expect(config.env).toBeUndefined();
  });

  it('refuses prod without an account, saying how to set one', () => {
    const act = () => loadStageConfig(sources({ stage: 'prod', region: 'eu-west-1' }));

    expect(act).toThrow(StageConfigError);
    expect(act).toThrow(/prod needs an account and a region \(-c account=/);
  });

  it('refuses an unknown stage and lists the valid ones', () => {
    const act = () => loadStageConfig(sources({ stage: 'qa' }));

    expect(act).toThrow(/stage must be one of dev, staging, prod/);
  });

  it.each([
    [{ ...PROD, account: '1234' }, /account must be a 12-digit AWS account id/],
    [{ ...PROD, region: 'Ireland' }, /region must be an AWS region/],
  ])('refuses a malformed account or region (%o)', (context, message) => {
    const act = () => loadStageConfig(sources(context));

    expect(act).toThrow(message);
  });

  it('seeds the demo catalog and flips flags at once in dev only; prod sells its own catalog and rolls out by canary', () => {
    const dev = loadStageConfig(sources());
    const staging = loadStageConfig(sources({ ...PROD, stage: 'staging' }));
    const prod = loadStageConfig(sources(PROD));

    expect([dev.seedCatalog, staging.seedCatalog, prod.seedCatalog]).toEqual([true, true, false]);
    expect([dev.gradualRollout, staging.gradualRollout, prod.gradualRollout]).toEqual([false, true, true]);
  });

  it('releases code all at once in dev and by canary in staging and prod', () => {
    const dev = loadStageConfig(sources());
    const staging = loadStageConfig(sources({ ...PROD, stage: 'staging' }));
    const prod = loadStageConfig(sources(PROD));

    expect([dev.rollout, staging.rollout, prod.rollout]).toEqual(['all-at-once', 'canary', 'canary']);
  });

  it('hosts the storefront in staging and prod, and in dev only when asked', () => {
    const dev = loadStageConfig(sources());
    const devHosted = loadStageConfig(sources({ hostStorefront: 'true' }));
    const prod = loadStageConfig(sources(PROD));

    expect([dev.hostStorefront, devHosted.hostStorefront, prod.hostStorefront]).toEqual([false, true, true]);
  });

  it('refuses a hostStorefront that is not true or false', () => {
    const act = () => loadStageConfig(sources({ hostStorefront: 'yes' }));

    expect(act).toThrow(/hostStorefront must be true or false/);
  });

  it('gives its error a stable code', () => {
    const act = () => loadStageConfig(sources({ stage: 'qa' }));

    expect(act).toThrow(expect.objectContaining({ name: 'StageConfigError', code: 'INFRA.INVALID_STAGE_CONFIG' }));
  });
});
