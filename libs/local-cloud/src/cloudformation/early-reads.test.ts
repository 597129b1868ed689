import { describe, expect, it } from 'vitest';
import { lateValueToken } from '../template';
import { refuseEarlyReads } from './early-reads';
import { CustomResourceReadError } from './errors';
import { aCustomResource, aFunction, aResource } from './test-support';

const greeting = lateValueToken('Stack', 'Seed', 'Greeting');
const seed = aCustomResource('Seed');

describe('refuseEarlyReads', () => {
  it('lets a custom resource read the values of another one that is run', () => {
    const reader = aCustomResource('Reader', { Greeting: greeting, SeedId: lateValueToken('Stack', 'Seed') }, ['Seed']);

    const check = () => refuseEarlyReads([seed, reader], [aFunction('Seeder'), seed, reader]);

    expect(check).not.toThrow();
  });

  it('lets a type with nothing to emulate read them (an IAM policy)', () => {
    const policy = aResource('Policy', 'AWS::IAM::Policy', { PolicyDocument: { Statement: [{ Resource: greeting }] } });

    const check = () => refuseEarlyReads([seed], [aFunction('Seeder'), seed, policy]);

    expect(check).not.toThrow();
  });

  it('refuses a resource a service sets up before custom resources run, naming the read', () => {
    const fn = aResource('Worker', 'AWS::Lambda::Function', { Environment: { Variables: { GREETING: `say ${greeting}` } } });

    const check = () => refuseEarlyReads([seed], [aFunction('Seeder'), seed, fn]);

    expect(check).toThrow(CustomResourceReadError);
    expect(check).toThrow(/^Stack\/Worker \(AWS::Lambda::Function\) reads Fn::GetAtt Seed\.Greeting\. A custom resource's Ref and attributes are known only once it has run/);
  });

  it('refuses a custom resource reading one the local cloud does not run', () => {
    const notify = aResource('Notify', 'Custom::Notify', { ServiceToken: 'arn:aws:sns:us-east-1:000000000000:requests' });
    const reader = aCustomResource('Reader', { NotifyId: lateValueToken('Stack', 'Notify') }, ['Notify']);

    const check = () => refuseEarlyReads([reader], [aFunction('Seeder'), notify, reader]);

    expect(check).toThrow('Stack/Reader (Custom::Seed) reads Ref Notify, a custom resource the local cloud does not run');
  });
});
