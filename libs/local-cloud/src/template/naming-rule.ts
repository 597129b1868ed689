import type { Json } from '../core/contracts';
import { stableId } from './names';

/** What `Ref` and `Fn::GetAtt` return for one resource. */
export interface Identity {
  readonly ref: string;
  readonly physicalName: string;
  readonly arn?: string;
  readonly attributes: Record<string, string>;
}

/** What a naming rule may look at. `prop` resolves one property on demand (names may be tokens). */
export interface NamingInput {
  readonly stackName: string;
  readonly logicalId: string;
  readonly region: string;
  readonly accountId: string;
  readonly endpointUrl: string;
  prop(name: string): Json | undefined;
  /** The explicit name property if set, else a CloudFormation-style generated name. */
  name(options?: { maxLength?: number; lowercase?: boolean; suffix?: string }): string;
  /** The resource's position among resources of its type pointing at the same parent (Lambda versions). */
  ordinal(parentProperty: string): number;
}

/** How CloudFormation names one type: its explicit name property, and what `Ref`/`Fn::GetAtt` return. */
export interface TypeRule {
  /** The property that sets the physical name explicitly ('FunctionName', 'TableName'...). */
  readonly nameProperty?: string;
  identity(n: NamingInput): Identity;
}

/** @internal An ARN in the resource's account, regional unless the service is global (IAM, S3). */
export const arn = (n: NamingInput, service: string, resource: string, scope: 'regional' | 'global' = 'regional') =>
  scope === 'global'
    ? `arn:aws:${service}::${n.accountId}:${resource}`
    : `arn:aws:${service}:${n.region}:${n.accountId}:${resource}`;

/** @internal A named resource: `Ref` is its name or its ARN, `Arn` always its ARN, plus `extra` attributes. */
export const named =
  (
    ref: 'name' | 'arn',
    make: (n: NamingInput, name: string) => string,
    extra?: (n: NamingInput, name: string, arnValue: string) => Record<string, string>,
    maxLength = 64,
  ): TypeRule['identity'] =>
  (n) => {
    const name = n.name({ maxLength });
    const arnValue = make(n, name);
    return {
      ref: ref === 'name' ? name : arnValue,
      physicalName: name,
      arn: arnValue,
      attributes: { Arn: arnValue, ...extra?.(n, name, arnValue) },
    };
  };

/** @internal A resource known by a generated id only (lower-case letters and digits), stable per logical id. */
export const generatedId = (n: NamingInput, length: number): string =>
  stableId(`${n.stackName}/${n.logicalId}`, length, 'lower');

/** @internal A resource whose `Ref` is a generated id, also its `attribute` (`Id` unless told). */
export const idOnly =
  (length = 10, attribute = 'Id'): TypeRule['identity'] =>
  (n) => {
    const id = generatedId(n, length);
    return { ref: id, physicalName: id, attributes: { [attribute]: id } };
  };
