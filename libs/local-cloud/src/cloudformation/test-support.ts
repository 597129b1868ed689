import type { JsonObject, ResolvedResource } from '../core/contracts';

/** @internal The ARN of a test function, as the resolver names functions. */
export const functionArn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/** @internal A resolved resource of stack `Stack` for tests, with what it waits for. */
export function aResource(logicalId: string, type: string, properties: JsonObject = {}, dependsOn: string[] = [], stackName = 'Stack'): ResolvedResource {
  return { stackName, logicalId, type, ref: logicalId, physicalName: logicalId, attributes: {}, properties, dependsOn };
}

/** @internal A function of the template, named by its logical id. */
export const aFunction = (logicalId: string): ResolvedResource => ({ ...aResource(logicalId, 'AWS::Lambda::Function'), arn: functionArn(logicalId) });

/** @internal A Lambda-backed custom resource (`Custom::Seed`) served by the function `Seeder`. */
export const aCustomResource = (logicalId: string, properties: JsonObject = {}, dependsOn: string[] = [], stackName = 'Stack'): ResolvedResource =>
  aResource(logicalId, 'Custom::Seed', { ServiceToken: functionArn('Seeder'), ...properties }, ['Seeder', ...dependsOn], stackName);
