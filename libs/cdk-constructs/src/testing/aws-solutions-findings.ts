import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, type IPolicyValidationPlugin, type Stage, Validations } from 'aws-cdk-lib';
// cdk-nag is CommonJS whose re-exports Node's ESM loader cannot name: import the module object.
import cdkNag from 'cdk-nag';

/** One unacknowledged cdk-nag finding: a rule id (with its finding, e.g. `AwsSolutions-IAM5[Resource::*]`). */
export interface NagFinding {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
  readonly description: string;
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: {
      ruleName: string;
      description: string;
      severity: string;
      violatingConstructs: { constructPath: string }[];
    }[];
  }[];
}

const PLUGIN_NAME = 'AwsSolutions';

/**
 * Runs cdk-nag's AWS Solutions checks on `scope` (the app, or one stage of it), synthesizes `app`, and returns
 * every finding that no `Validations.of(construct).acknowledge(...)` covers, errors and warnings alike.
 * Call it on a fresh app, before anything else synthesizes it.
 *
 * @example
 * const app = new App();
 * const stage = new ShopStage(app, 'Dev', { config });
 * expect(awsSolutionsFindings(app, stage)).toEqual([]);
 */
export function awsSolutionsFindings(app: App, scope: Stage = app): NagFinding[] {
  const checks = new cdkNag.AwsSolutionsChecks(scope);
  let ran = false;
  // A clean run leaves no trace in the report, so record that the checks ran: an empty result must mean clean.
  const recorded: IPolicyValidationPlugin = {
    name: checks.name,
    version: checks.version,
    ruleIds: checks.ruleIds,
    validate: (context) => {
      ran = true;
      return checks.validate(context);
    },
  };
  Validations.of(scope).addPlugins(recorded);
  try {
    app.synth();
  } catch (err) {
    // Any finding fails synthesis; the report below lists them. Anything else is a real error.
    if (!(err instanceof Error && err.name === 'ValidationFailed')) throw err;
  }
  if (!ran) throw new Error(`The ${PLUGIN_NAME} checks did not run: was the app synthesized before?`);
  const report = JSON.parse(readFileSync(join(app.outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const nag = report.pluginReports.find((r) => r.pluginName === PLUGIN_NAME);
  return (nag?.violations ?? []).flatMap((v) =>
    v.violatingConstructs.map((c) => ({
      rule: v.ruleName,
      severity: v.severity,
      path: c.constructPath,
      description: v.description,
    })),
  );
}
