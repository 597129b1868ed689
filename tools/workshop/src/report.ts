import { basename } from 'node:path';

/** The part of vitest's JSON reporter output (`--reporter=json`) the workshop reads. */
export type VitestJsonReport = {
  readonly success: boolean;
  readonly testResults: readonly {
    readonly name: string;
    readonly status: string;
    readonly message?: string;
    readonly assertionResults: readonly {
      readonly ancestorTitles: readonly string[];
      readonly title: string;
      readonly status: string;
      readonly failureMessages: readonly string[];
    }[];
  }[];
};

/** One check as a participant reads it: what it proves, whether it passed, and if not, what to do. */
export type CheckResult = {
  /** The describe block(s) the check sits in, or its file when it could not load. */
  readonly group: string;
  readonly name: string;
  readonly passed: boolean;
  readonly hint?: string;
};

/**
 * The hint of a failure: the assertion's message without its error class, its stack or vitest's
 * "expected … to …" tail, which a check's own message already says in plain words.
 */
export function hintOf(failureMessage: string): string {
  const firstLine = failureMessage.split('\n')[0] ?? '';
  const withoutClass = firstLine.replace(/^[A-Za-z]*Error:\s*/, '');
  const plain = withoutClass.split(/: expected /)[0]?.trim();
  return plain === undefined || plain === '' ? withoutClass.trim() : plain;
}

/** Every check of a report, in file order; a file that could not even load counts as one failed check. */
export function checkResults(report: VitestJsonReport): CheckResult[] {
  return report.testResults.flatMap((file) => {
    if (file.assertionResults.length === 0) {
      const hint = hintOf(file.message ?? 'the checks could not run');
      return [{ group: basename(file.name), name: 'could not load', passed: false, hint }];
    }
    return file.assertionResults
      .filter((test) => test.status === 'passed' || test.status === 'failed')
      .map((test) => {
        const check = { group: test.ancestorTitles.join(' › ') || basename(file.name), name: test.title };
        if (test.status === 'passed') return { ...check, passed: true };
        return { ...check, passed: false, hint: hintOf(test.failureMessages[0] ?? 'failed') };
      });
  });
}

/** Whether a run passed: it ran at least one check, and every check passed. */
export const allPassed = (results: readonly CheckResult[]) => results.length > 0 && results.every((r) => r.passed);

/** One line per check under its group's heading, each failure's hint below it (once, when several share it). */
function checkLines(results: readonly CheckResult[]): string[] {
  const lines: string[] = [];
  let group: string | undefined;
  let lastHint: string | undefined;
  for (const r of results) {
    if (r.group !== group) lines.push(...(group === undefined ? [] : ['']), r.group);
    group = r.group;
    lines.push(`  ${r.passed ? '✓' : '✗'} ${r.name}`);
    if (!r.passed) lines.push(`      → ${r.hint === lastHint ? '(the same as above)' : r.hint}`);
    if (!r.passed) lastHint = r.hint;
  }
  return lines;
}

/** The results in plain words, grouped, each failure with its hint, then a one-line verdict. */
export function formatResults(moduleId: string, results: readonly CheckResult[]): string {
  const lines = checkLines(results);
  const passed = results.filter((r) => r.passed).length;
  const verdict = allPassed(results)
    ? `All ${results.length} checks of ${moduleId} pass: the exercise is done.`
    : results.length === 0
      ? `No check of ${moduleId} ran: is tools/workshop/modules/${moduleId}/checks/ empty?`
      : `${passed} of ${results.length} checks of ${moduleId} pass: follow the hints above (→), then check again.`;
  return [...lines, '', verdict].join('\n');
}
