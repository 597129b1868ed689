/** Stable codes of the errors the products constructs throw while a stack is being defined. */
export const ProductsInfraErrorCode = {
  tableStreamRequired: 'PRODUCTS.TABLE_STREAM_REQUIRED',
  seedCatalogUnreadable: 'PRODUCTS.SEED_CATALOG_UNREADABLE',
} as const;

export type ProductsInfraErrorCode = (typeof ProductsInfraErrorCode)[keyof typeof ProductsInfraErrorCode];

/** The products table was passed without a stream ARN, so the outbox publisher has nothing to read. */
export class TableStreamRequiredError extends Error {
  override readonly name = 'TableStreamRequiredError';
  readonly code = ProductsInfraErrorCode.tableStreamRequired;

  constructor(
    readonly tablePath: string,
    options?: ErrorOptions,
  ) {
    super(
      `The products table ${tablePath} has no stream ARN: pass ProductsData.table, or an imported table with ` +
        'tableStreamArn (Table.fromTableAttributes / TableV2.fromTableAttributes)',
      options,
    );
  }
}

/** seed/catalog.json could not be read at synth, so the seed custom resource cannot carry its hash. */
export class SeedCatalogUnreadableError extends Error {
  override readonly name = 'SeedCatalogUnreadableError';
  readonly code = ProductsInfraErrorCode.seedCatalogUnreadable;

  constructor(
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot read the seed catalog at ${path} (needed when seedCatalog is on)`, options);
  }
}
