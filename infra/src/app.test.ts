import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { defineApp, defineShopApp } from './app';
import { PIPELINE_CONTEXT } from './pipeline/testing-context';
import { ShopPipelineStack } from './pipeline/shop-pipeline-stack';
import { ShopStage } from './shop-stage';
import { testApp } from './testing/test-app';

describe('defineApp', () => {
  it('defines the dev stage by default, as the local cloud and npm start expect', () => {
    const defined = defineApp(testApp(), {});

    expect(defined).toBeInstanceOf(ShopStage);
    expect((defined as ShopStage).stateless.stackName).toBe('ShopDev-Stateless');
  });

  it('defines the delivery pipeline, and no standalone stage, with -c pipeline=true', () => {
    const app = testApp(PIPELINE_CONTEXT);

    const defined = defineApp(app, {});

    expect(defined).toBeInstanceOf(ShopPipelineStack);
    expect(app.node.children.map((child) => child.node.id)).toEqual(['ShopPipeline']);
    expect((defined as ShopPipelineStack).staging.stateful.stackName).toBe('ShopStaging-Stateful');
  });
});

describe('defineShopApp', () => {
  it('defines the dev stage when no stage is given', () => {
    const stage = defineShopApp(testApp(), {});

    expect(stage.stateful.stackName).toBe('ShopDev-Stateful');
    expect(stage.stateless.stackName).toBe('ShopDev-Stateless');
  });

  it('defines the stage named by context in its account and region', () => {
    const app = testApp({ stage: 'prod', account: '123456789012', region: 'eu-west-1' });

    const stage = defineShopApp(app, {});

    expect(stage.stateful.stackName).toBe('ShopProd-Stateful');
    expect(stage.stateful.account).toBe('123456789012');
    expect(stage.stateful.region).toBe('eu-west-1');
  });

  it('synthesizes the app as it stands, every function bundled', () => {
    const app = testApp({}, { bundle: true });
    defineShopApp(app, {});

    const assembly = app.synth().nestedAssemblies.map((stage) => stage.nestedAssembly)[0];

    // Each function's code is a directory asset in the stage's asset manifests, holding esbuild's output.
    const manifests = (assembly?.artifacts ?? []).filter((a) => a instanceof cxapi.AssetManifestArtifact);
    const directories = manifests.flatMap((m) =>
      Object.values(m.contents.files ?? {}).filter((file) => file.source.packaging === 'zip'),
    );
    const bundles = directories.filter((file) =>
      existsSync(join(assembly?.directory ?? '', file.source.path ?? '', 'index.mjs')),
    );
    // The products service's eight functions at least, each an ESM bundle.
    expect(bundles.length).toBeGreaterThanOrEqual(8);
    // esbuild runs once per function of every service, synchronously: minutes on a busy 2-core machine. A budget,
    // not a timing assertion.
  }, 900_000);

  it('fails synthesis on a cdk-nag finding that nobody acknowledged', () => {
    const app = testApp();
    const stage = defineShopApp(app, {});
    new sqs.Queue(stage.stateless, 'QueueWithoutTls');

    expect(() => app.synth()).toThrow(/AwsSolutions-SQS4/);
  });
});

describe('cdk.json', () => {
  it('enables every feature flag this aws-cdk-lib recommends for a new app', () => {
    const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    };

    expect(cdkJson.context).toMatchObject(cxapi.CURRENTLY_RECOMMENDED_FLAGS);
  });

  it('switches off telemetry and notices, so synth never reaches the network', () => {
    const cdkJson = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'cdk.json'), 'utf8')) as {
      notices: unknown;
      context: Record<string, unknown>;
    };

    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });
});
