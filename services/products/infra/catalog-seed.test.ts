import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { CatalogSeed, catalogHash, SEED_CATALOG_FILES } from './catalog-seed';
import { SeedCatalogUnreadableError } from './errors';
import { inlineFunction } from './testing/inline-function';
import { SYNTH_TIMEOUT_MS } from './testing/synth-timeout';
import { logicalIdOf } from './testing/template-queries';

function catalogFiles(catalog: string, images = 'export const SEED_IMAGES = {};') {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-seed-'));
  writeFileSync(join(dir, 'catalog.json'), catalog);
  writeFileSync(join(dir, 'images.ts'), images);
  return [join(dir, 'catalog.json'), join(dir, 'images.ts')];
}

function synth(files: string[]) {
  const stack = new Stack(new App(), 'TestStack');
  const seedFunction = inlineFunction(stack, 'SeedCatalogFunction');
  const before = new sqs.Queue(stack, 'MustExistFirst');
  const seed = new CatalogSeed(stack, 'CatalogSeed', { seedFunction, after: [before], catalogFiles: files });
  const resource = Template.fromStack(stack).toJSON().Resources[logicalIdOf(seed.resource)];
  return { resource, seedFunction, before };
}

describe('CatalogSeed', { timeout: SYNTH_TIMEOUT_MS }, () => {
  it('is a Custom::SeedCatalog answered by the seed function itself, with no provider framework', () => {
    const { resource, seedFunction } = synth(catalogFiles('{"products":[]}'));

    expect(resource.Type).toBe('Custom::SeedCatalog');
    expect(resource.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [logicalIdOf(seedFunction), 'Arn'] });
    expect(resource.Properties.ServiceTimeout).toBe('300');
  });

  it('carries the hash of the catalog files, so editing them re-runs the seed', () => {
    const first = synth(catalogFiles('{"products":[]}')).resource;
    const edited = synth(catalogFiles('{"products":[{"sku":"MUG"}]}')).resource;
    const redrawn = synth(catalogFiles('{"products":[]}', 'export const SEED_IMAGES = { a: "<svg/>" };')).resource;

    expect(first.Properties.CatalogHash).toMatch(/^[0-9a-f]{64}$/);
    expect(edited.Properties.CatalogHash).not.toBe(first.Properties.CatalogHash);
    expect(redrawn.Properties.CatalogHash).not.toBe(first.Properties.CatalogHash);
    expect(synth(catalogFiles('{"products":[]}')).resource.Properties.CatalogHash).toBe(first.Properties.CatalogHash);
  });

  it('waits for what it must come after', () => {
    const { resource, before } = synth(catalogFiles('{}'));

    expect(resource.DependsOn).toEqual([logicalIdOf(before)]);
  });

  it('fails synthesis with SeedCatalogUnreadableError when a catalog file is missing', () => {
    const act = () => catalogHash([join(tmpdir(), 'no-such-dir', 'catalog.json')]);

    expect(act).toThrow(SeedCatalogUnreadableError);
  });

  it('hashes the service’s own catalog.json and images module', () => {
    expect(SEED_CATALOG_FILES.map((path) => path.split('/').slice(-2).join('/'))).toEqual([
      'seed/catalog.json',
      'seed/images.ts',
    ]);
    expect(catalogHash(SEED_CATALOG_FILES)).toMatch(/^[0-9a-f]{64}$/);
  });
});
