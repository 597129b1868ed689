import { ServiceFunction } from '@shop/cdk-constructs';
import { FLAG_REGISTRY, toAppConfigFeatureFlags } from '@shop/feature-flags';
import type { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { exported, importExercise, repoPath, resourcesOf, synthesize } from '../../../src/check-kit';

const FLAG = 'line-quantity-limit';
const DOMAIN = 'services/orders/src/domain/quantity-limit.ts';
const ROLLOUT = 'services/orders/infra/price-checkout-rollout.ts';

type Line = { sku: string; quantity: number };
type Enforce = (lines: Line[], flag: { enabled: boolean; maxPerLine: number }) => void;
type PriceCheckoutLive = (scope: Construct, fn: lambda.Function, rollout: 'canary' | 'all-at-once') => Construct;

const registry = FLAG_REGISTRY as Record<string, { enabled: boolean; attributes?: Record<string, { type: string; default: unknown }> }>;

describe('a flag for the quantity limit, off until someone turns it on', () => {
  it('is declared in the flag registry, off, with a number attribute maxPerLine', () => {
    const flag = registry[FLAG];

    expect(flag, `There is no '${FLAG}' flag yet: declare it in libs/feature-flags/src/registry.ts (step 1)`).toBeDefined();
    expect(flag?.enabled, 'A new flag ships off: set enabled: false, and turn it on in AppConfig when the launch starts (step 1)').toBe(false);
    expect(flag?.attributes?.maxPerLine?.type, "The flag needs a number attribute 'maxPerLine' (with a minimum of 1) for the limit (step 1)").toBe('number');
  });

  it('reaches the AppConfig document the stack deploys', () => {
    const document = toAppConfigFeatureFlags();

    expect(document.flags[FLAG]?.attributes?.maxPerLine?.constraints.minimum, 'Give maxPerLine a minimum of 1: AppConfig then refuses a limit of 0 (step 1)').toBe(1);
    expect(document.values[FLAG]?.enabled, `The document carries no value for '${FLAG}' (step 1)`).toBe(false);
  });
});

describe('checkout enforces the limit only while the flag is on', () => {
  const enforce = async () => {
    const module = await importExercise<Record<string, unknown>>(DOMAIN, `Create ${DOMAIN}, exporting enforceQuantityLimit(lines, flag) (step 2)`);
    return exported<Enforce>(module, 'enforceQuantityLimit', `Export enforceQuantityLimit from ${DOMAIN} (step 2)`);
  };
  const attempt = (run: () => void) => {
    try {
      run();
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  };

  it('refuses a line over maxPerLine with ORDERS.INVALID_QUANTITY while on', async () => {
    const enforceQuantityLimit = await enforce();

    const outcome = attempt(() => enforceQuantityLimit([{ sku: 'MUG-ENAMEL-BLU', quantity: 3 }], { enabled: true, maxPerLine: 2 }));

    expect(outcome, 'With the flag on and maxPerLine 2, a line of 3 must be refused with OrdersDomainError ORDERS.INVALID_QUANTITY (step 2)').toBe('ORDERS.INVALID_QUANTITY');
  });

  it('accepts a line at the limit while on, and any line while off', async () => {
    const enforceQuantityLimit = await enforce();

    const atLimit = attempt(() => enforceQuantityLimit([{ sku: 'MUG-ENAMEL-BLU', quantity: 2 }], { enabled: true, maxPerLine: 2 }));
    const off = attempt(() => enforceQuantityLimit([{ sku: 'MUG-ENAMEL-BLU', quantity: 40 }], { enabled: false, maxPerLine: 2 }));

    expect(atLimit, 'A line of exactly maxPerLine is allowed (step 2)').toBe('accepted');
    expect(off, 'With the flag off, the limit does not apply, whatever maxPerLine says (step 2)').toBe('accepted');
  });
});

describe('a release that refuses good carts rolls back', () => {
  let template: Template | undefined;
  const synthesized = async () => {
    const module = await importExercise<Record<string, unknown>>(ROLLOUT, `Create ${ROLLOUT}, exporting priceCheckoutLive(scope, fn, rollout) (step 3)`);
    const live = exported<PriceCheckoutLive>(module, 'priceCheckoutLive', `Export priceCheckoutLive from ${ROLLOUT} (step 3)`);
    template ??= synthesize((stack) => {
      const entry = repoPath('services/orders/src/handlers/workflow/price-checkout.ts');
      live(stack, new ServiceFunction(stack, 'PriceCheckout', { entry, serviceName: 'orders' }), 'canary');
    });
    return template;
  };

  it('watches refused checkouts during the canary, beside errors and duration', async () => {
    const t = await synthesized();
    const [, group] = resourcesOf(t, 'AWS::CodeDeploy::DeploymentGroup')[0] ?? [];
    const watched = ((group?.Properties.AlarmConfiguration as { Alarms?: { Name: { Ref: string } }[] } | undefined)?.Alarms ?? []).map((a) => a.Name.Ref);
    const alarms = Object.fromEntries(resourcesOf(t, 'AWS::CloudWatch::Alarm'));

    expect(group, 'priceCheckoutLive must wrap the function in a LiveAlias from @shop/cdk-constructs (step 3)').toBeDefined();
    expect(
      watched.map((id) => alarms[id]?.Properties.MetricName),
      "The deployment group does not watch refused checkouts: pass an alarm on Shop's CheckoutRefused metric (dimension service: orders) in the LiveAlias's extraAlarms (step 3)",
    ).toContain('CheckoutRefused');
  });
});
