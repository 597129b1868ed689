/**
 * Resolves the few CloudFormation intrinsics that appear in this app's synthesized IAM and bus policies, so
 * tests can evaluate the policies as AWS would see them after deployment. Anything else throws: a policy is
 * never evaluated half-resolved.
 */

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
  readonly Outputs?: Record<string, { readonly Value: unknown }>;
}

export interface DeploymentEnv {
  readonly account: string;
  readonly region: string;
  readonly partition: string;
}

export class UnresolvableIntrinsicError extends Error {
  override readonly name = 'UnresolvableIntrinsicError';
  readonly code = 'TEST.UNRESOLVABLE_INTRINSIC';
}

/** Templates by stack name, as deployed into one account and region. */
export class DeployedTemplates {
  constructor(
    private readonly stacks: Readonly<Record<string, CfnTemplate>>,
    private readonly env: DeploymentEnv,
  ) {}

  /** The value of `value` in `stackName` once CloudFormation has resolved it. */
  resolve(stackName: string, value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(stackName, item));
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [key, arg] = entries[0] ?? [];
    if (entries.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::'))) {
      return this.intrinsic(stackName, key, arg);
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, this.resolve(stackName, v)]));
  }

  private intrinsic(stackName: string, fn: string, arg: unknown): unknown {
    if (fn === 'Ref') return this.ref(stackName, String(arg));
    if (fn === 'Fn::GetAtt' && Array.isArray(arg)) return this.getAtt(stackName, String(arg[0]), String(arg[1]));
    if (fn === 'Fn::Join' && Array.isArray(arg)) {
      const parts = this.resolve(stackName, arg[1]) as unknown[];
      return parts.join(String(arg[0]));
    }
    if (fn === 'Fn::GetStackOutput' && typeof arg === 'object' && arg !== null) {
      const { StackName, OutputName } = this.resolve(stackName, arg) as { StackName: string; OutputName: string };
      const output = this.template(StackName).Outputs?.[OutputName];
      if (output === undefined) throw new UnresolvableIntrinsicError(`No output ${OutputName} in ${StackName}`);
      return this.resolve(StackName, output.Value);
    }
    throw new UnresolvableIntrinsicError(`Unsupported intrinsic ${fn} in ${stackName}`);
  }

  private ref(stackName: string, name: string): string {
    const pseudo: Record<string, string> = {
      'AWS::AccountId': this.env.account,
      'AWS::Region': this.env.region,
      'AWS::Partition': this.env.partition,
    };
    if (pseudo[name] !== undefined) return pseudo[name];
    const resource = this.resource(stackName, name);
    if (resource.Type === 'AWS::Events::EventBus') return String(resource.Properties?.Name);
    // Generated physical names are unknown before deployment: stand in the logical id.
    if (resource.Type === 'AWS::IAM::Role') return name;
    throw new UnresolvableIntrinsicError(`Unsupported Ref to ${resource.Type} ${name}`);
  }

  private getAtt(stackName: string, logicalId: string, attribute: string): string {
    const { account, region, partition } = this.env;
    const resource = this.resource(stackName, logicalId);
    const physicalName = this.ref(stackName, logicalId);
    if (resource.Type === 'AWS::Events::EventBus' && attribute === 'Arn') {
      return `arn:${partition}:events:${region}:${account}:event-bus/${physicalName}`;
    }
    if (resource.Type === 'AWS::IAM::Role' && attribute === 'Arn') {
      return `arn:${partition}:iam::${account}:role/${physicalName}`;
    }
    throw new UnresolvableIntrinsicError(`Unsupported GetAtt ${resource.Type}.${attribute}`);
  }

  template(stackName: string): CfnTemplate {
    const template = this.stacks[stackName];
    if (template === undefined) throw new UnresolvableIntrinsicError(`No stack named ${stackName}`);
    return template;
  }

  private resource(stackName: string, logicalId: string): CfnResource {
    const resource = this.template(stackName).Resources[logicalId];
    if (resource === undefined) throw new UnresolvableIntrinsicError(`No resource ${logicalId} in ${stackName}`);
    return resource;
  }
}
