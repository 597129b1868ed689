import { describe, expect, it } from 'vitest';
import { allPassed, checkResults, formatResults, hintOf, type VitestJsonReport } from './report';

const STACK = '\n    at /repo/tools/workshop/modules/02/checks/rule.check.ts:4:105\n    at file:///repo/node_modules/@vitest/runner/dist/chunk.js:302:11';

const report: VitestJsonReport = {
  success: false,
  testResults: [
    {
      name: '/repo/tools/workshop/modules/02-event-state/checks/rule.check.ts',
      status: 'failed',
      message: '',
      assertionResults: [
        { ancestorTitles: ['the rule'], title: 'is on the bus', status: 'passed', failureMessages: [] },
        {
          ancestorTitles: ['the rule'],
          title: 'matches OrderConfirmed',
          status: 'failed',
          failureMessages: [`AssertionError: No rule listens for Order.OrderConfirmed yet: add one (see step 2): expected undefined to be defined${STACK}`],
        },
        { ancestorTitles: ['the rule'], title: 'is skipped', status: 'skipped', failureMessages: [] },
      ],
    },
    {
      name: '/repo/tools/workshop/modules/02-event-state/checks/consumer.check.ts',
      status: 'failed',
      message: "Cannot find module '/repo/services/loyalty/src/handler.ts' imported from consumer.check.ts",
      assertionResults: [],
    },
  ],
};

describe('hintOf', () => {
  it("keeps the assertion's own message, without the error class, vitest's tail or the stack", () => {
    const message = `AssertionError: Export the handler (step 3): expected undefined to be defined${STACK}`;

    expect(hintOf(message)).toBe('Export the handler (step 3)');
  });

  it("keeps vitest's words when the assertion has no message of its own", () => {
    expect(hintOf(`AssertionError: expected 2 to be 3 // Object.is equality${STACK}`)).toBe('expected 2 to be 3 // Object.is equality');
  });
});

describe('checkResults', () => {
  it('lists each passed and failed check with its group and hint, and a file that cannot load as one failure', () => {
    const results = checkResults(report);

    expect(results).toEqual([
      { group: 'the rule', name: 'is on the bus', passed: true },
      { group: 'the rule', name: 'matches OrderConfirmed', passed: false, hint: 'No rule listens for Order.OrderConfirmed yet: add one (see step 2)' },
      {
        group: 'consumer.check.ts',
        name: 'could not load',
        passed: false,
        hint: "Cannot find module '/repo/services/loyalty/src/handler.ts' imported from consumer.check.ts",
      },
    ]);
  });
});

describe('allPassed', () => {
  it('passes only a run with at least one check and no failure', () => {
    expect(allPassed([{ group: 'g', name: 'a', passed: true }])).toBe(true);
    expect(allPassed([])).toBe(false);
    expect(allPassed(checkResults(report))).toBe(false);
  });
});

describe('formatResults', () => {
  it('prints each check under its group, its hint after an arrow, and how many pass', () => {
    const text = formatResults('02-event-state', checkResults(report));

    expect(text).toContain('the rule\n  ✓ is on the bus\n  ✗ matches OrderConfirmed\n      → No rule listens for Order.OrderConfirmed yet: add one (see step 2)');
    expect(text).not.toContain(' at ');
    expect(text).toContain('1 of 3 checks of 02-event-state pass');
  });

  it('says a hint shared by consecutive failures once', () => {
    const failure = { group: 'g', passed: false, hint: 'Create the file (step 1)' };

    const text = formatResults('01-mindset', [{ ...failure, name: 'a' }, { ...failure, name: 'b' }]);

    expect(text.match(/Create the file/g)).toHaveLength(1);
    expect(text).toContain('→ (the same as above)');
  });

  it('says the exercise is done when every check passes', () => {
    const text = formatResults('01-mindset', [{ group: 'g', name: 'a', passed: true }]);

    expect(text).toContain('All 1 checks of 01-mindset pass: the exercise is done.');
  });
});
