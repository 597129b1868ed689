import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureGraph, lintInFixture, type LintMessage } from './lint-fixture';

const BOUNDARIES = '@nx/enforce-module-boundaries';
const RESTRICTED = 'no-restricted-imports';

function lint(filePath: string, code: string): LintMessage[] {
  try {
    return lintInFixture(filePath, code);
  } catch (error) {
    // eslint exits 1 when it reports errors; its JSON report is still on stdout.
    const { stdout } = error as { stdout?: string };
    if (!stdout) throw error;
    const [result] = JSON.parse(stdout) as Array<{ messages: LintMessage[] }>;
    return result?.messages ?? [];
  }
}

const ruleIds = (messages: LintMessage[]) => messages.map((m) => m.ruleId);

describe('module boundaries', () => {
  beforeAll(buildFixtureGraph, 60_000);

  it('rejects a service importing another service', () => {
    const code = "import { productIds } from '@fixture/products';\nexport const first = productIds[0];\n";

    const messages = lint('services/orders/src/use-cases/place-order.ts', code);

    expect(ruleIds(messages)).toContain(BOUNDARIES);
    expect(messages.find((m) => m.ruleId === BOUNDARIES)?.message).toMatch(/scope:shared/);
  });

  it('lets a service import a shared library', () => {
    const code = "import { eventNames } from '@fixture/events';\nexport const first = eventNames[0];\n";

    const messages = lint('services/orders/src/use-cases/place-order.ts', code);

    expect(messages).toEqual([]);
  });

  it('rejects a domain file importing the AWS SDK', () => {
    const code = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n";

    const messages = lint('services/orders/src/domain/order.ts', code);

    expect(ruleIds(messages)).toContain(RESTRICTED);
    expect(messages.find((m) => m.ruleId === RESTRICTED)?.message).toMatch(/src\/domain is pure TypeScript/);
  });

  it.each(['@middy/core', '@aws-lambda-powertools/logger'])('rejects a domain file importing %s', (pkg) => {
    const code = `import * as runtime from '${pkg}';\nexport const used = runtime;\n`;

    const messages = lint('services/orders/src/domain/order.ts', code);

    expect(ruleIds(messages)).toContain(RESTRICTED);
  });

  it('lets an adapter import the AWS SDK', () => {
    const code = "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const client = new DynamoDBClient({});\n";

    const messages = lint('services/orders/src/adapters/dynamodb-order-repository.ts', code);

    expect(messages).toEqual([]);
  });

  it('rejects aws-cdk-lib outside the infrastructure folders', () => {
    const code = "import { Stack } from 'aws-cdk-lib';\nexport const stack = Stack;\n";

    const inHandler = lint('services/orders/src/handlers/place-order.ts', code);
    const inServiceInfra = lint('services/orders/infra/orders-service.ts', code);

    expect(ruleIds(inHandler)).toContain(RESTRICTED);
    expect(inServiceInfra).toEqual([]);
  });

  it('rejects the storefront importing a service', () => {
    const code = "import { orderIds } from '@fixture/orders';\nexport const first = orderIds[0];\n";

    const messages = lint('apps/storefront/src/page.ts', code);

    expect(ruleIds(messages)).toContain(BOUNDARIES);
  });
});
