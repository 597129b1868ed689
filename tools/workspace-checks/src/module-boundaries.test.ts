import { beforeAll, describe, expect, it } from 'vitest';
import { lintInFixture, type LintCase, type LintMessage } from './lint-fixture';

const BOUNDARIES = '@nx/enforce-module-boundaries';
const RESTRICTED = 'no-restricted-imports';

const sdkImport = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n";
const cdkImport = "import { Stack } from 'aws-cdk-lib';\nexport const stack = Stack;\n";
const runtimeImport = (pkg: string) => `import * as runtime from '${pkg}';\nexport const used = runtime;\n`;

/** Every file is linted in one ESLint run (starting ESLint and nx once is what takes time). */
const cases = {
  serviceImportsService: {
    filePath: 'services/orders/src/use-cases/place-order.ts',
    code: "import { productIds } from '@fixture/products';\nexport const first = productIds[0];\n",
  },
  serviceImportsSharedLib: {
    filePath: 'services/orders/src/use-cases/place-order.ts',
    code: "import { eventNames } from '@fixture/events';\nexport const first = eventNames[0];\n",
  },
  domainImportsSdk: { filePath: 'services/orders/src/domain/order.ts', code: sdkImport },
  domainImportsMiddy: { filePath: 'services/orders/src/domain/order.ts', code: runtimeImport('@middy/core') },
  domainImportsPowertools: {
    filePath: 'services/orders/src/domain/order.ts',
    code: runtimeImport('@aws-lambda-powertools/logger'),
  },
  adapterImportsSdk: { filePath: 'services/orders/src/adapters/dynamodb-order-repository.ts', code: sdkImport },
  handlerImportsCdk: { filePath: 'services/orders/src/handlers/place-order.ts', code: cdkImport },
  serviceInfraImportsCdk: { filePath: 'services/orders/infra/orders-service.ts', code: cdkImport },
  storefrontImportsService: {
    filePath: 'apps/storefront/src/page.ts',
    code: "import { orderIds } from '@fixture/orders';\nexport const first = orderIds[0];\n",
  },
} satisfies Record<string, LintCase>;

type CaseName = keyof typeof cases;
let messages: Record<CaseName, LintMessage[]>;

const ruleIds = (name: CaseName) => messages[name].map((m) => m.ruleId);
const messageOf = (name: CaseName, ruleId: string) => messages[name].find((m) => m.ruleId === ruleId)?.message;

describe('module boundaries', () => {
  beforeAll(() => {
    const names = Object.keys(cases) as CaseName[];
    const results = lintInFixture(names.map((name) => cases[name]));
    messages = Object.fromEntries(names.map((name, i) => [name, results[i] ?? []])) as typeof messages;
  }, 180_000);

  it('rejects a service importing another service', () => {
    expect(ruleIds('serviceImportsService')).toContain(BOUNDARIES);
    expect(messageOf('serviceImportsService', BOUNDARIES)).toMatch(/scope:shared/);
  });

  it('lets a service import a shared library', () => {
    expect(messages.serviceImportsSharedLib).toEqual([]);
  });

  it('rejects a domain file importing the AWS SDK', () => {
    expect(ruleIds('domainImportsSdk')).toContain(RESTRICTED);
    expect(messageOf('domainImportsSdk', RESTRICTED)).toMatch(/src\/domain is pure TypeScript/);
  });

  it('rejects a domain file importing middy or Powertools', () => {
    expect(ruleIds('domainImportsMiddy')).toContain(RESTRICTED);
    expect(ruleIds('domainImportsPowertools')).toContain(RESTRICTED);
  });

  it('lets an adapter import the AWS SDK', () => {
    expect(messages.adapterImportsSdk).toEqual([]);
  });

  it('rejects aws-cdk-lib outside the infrastructure folders', () => {
    expect(ruleIds('handlerImportsCdk')).toContain(RESTRICTED);
    expect(messages.serviceInfraImportsCdk).toEqual([]);
  });

  it('rejects the storefront importing a service', () => {
    expect(ruleIds('storefrontImportsService')).toContain(BOUNDARIES);
  });
});
