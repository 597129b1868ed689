import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CustomResource, Duration } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct, type IDependable } from 'constructs';
import { SeedCatalogUnreadableError } from './errors';

/**
 * What the seed function loads: the catalog, and the images module generated from it (and from seed/art), both
 * bundled into the function. Their hash is what makes CloudFormation re-run the seed when either changes.
 */
export const SEED_CATALOG_FILES = [
  fileURLToPath(new URL('../seed/catalog.json', import.meta.url)),
  fileURLToPath(new URL('../seed/images.ts', import.meta.url)),
];

/**
 * The SHA-256 of the seed files, read at synth, in the given order.
 *
 * @example
 * catalogHash(SEED_CATALOG_FILES); // '3f5a…' (64 hex digits)
 */
export function catalogHash(paths: readonly string[]): string {
  const hash = createHash('sha256');
  for (const path of paths) {
    try {
      hash.update(readFileSync(path));
    } catch (err) {
      throw new SeedCatalogUnreadableError(path, { cause: err });
    }
  }
  return hash.digest('hex');
}

export interface CatalogSeedProps {
  /** The function that answers the custom resource (ServiceToken): it loads the bundled catalog. */
  readonly seedFunction: lambda.IFunction;
  /** Created before seeding, so the ProductCreated events the seed writes to the outbox are published. */
  readonly after: IDependable[];
  /** @default SEED_CATALOG_FILES */
  readonly catalogFiles?: readonly string[];
}

/**
 * Loads the seed catalog when the stack is created, and again whenever catalog.json or its images change (their
 * hash is a property, so a change is an Update). A Lambda-backed custom resource without the provider framework: the
 * function answers CloudFormation itself, so there is no extra framework function, role or log group.
 */
export class CatalogSeed extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: CatalogSeedProps) {
    super(scope, id);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: props.seedFunction.functionArn,
      resourceType: 'Custom::SeedCatalog',
      properties: { CatalogHash: catalogHash(props.catalogFiles ?? SEED_CATALOG_FILES) },
      // If the function dies without answering, fail the deployment after this long rather than after an hour.
      serviceTimeout: Duration.minutes(5),
    });
    for (const dependency of props.after) this.resource.node.addDependency(dependency);
  }
}
