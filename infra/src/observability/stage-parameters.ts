import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';

export interface StageParametersProps {
  /** e.g. 'prod': the parameters live under `/shop/<stageName>/`. */
  readonly stageName: string;
  /** Parameter name (under the stage's path, e.g. `api/url`) → value. */
  readonly values: Readonly<Record<string, string>>;
}

/**
 * What a stage tells the tools that work with it (the storefront's build, the e2e suite, the canary, scripts)
 * in SSM Parameter Store, under `/shop/<stage>/`. These are the only physical names Shop sets on purpose:
 * another system must find them without reading this stage's stack outputs. Each stage has its own path, so
 * stages sharing an account never collide.
 *
 * @example
 * new StageParameters(this, 'Parameters', { stageName: 'prod', values: { 'api/url': api.url } });
 * // aws ssm get-parameters-by-path --path /shop/prod/ --recursive
 */
export class StageParameters extends Construct {
  readonly path: string;
  readonly parameters: ssm.StringParameter[];

  constructor(scope: Construct, id: string, props: StageParametersProps) {
    super(scope, id);
    this.path = `/shop/${props.stageName}/`;
    this.parameters = Object.entries(props.values).map(
      ([name, value]) =>
        new ssm.StringParameter(
          this,
          name.replace(/(^|[/-])(\w)/g, (_, __, c: string) => c.toUpperCase()),
          {
            parameterName: `${this.path}${name}`,
            stringValue: value,
            description: `Shop ${props.stageName}: ${name}`,
          },
        ),
    );
  }

  /** The parameter's full name, e.g. `/shop/prod/api/url`. */
  nameOf(name: string): string {
    return `${this.path}${name}`;
  }
}
