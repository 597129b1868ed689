import { describe, expect, it } from 'vitest';
import { dynamicReferencesInText, parseDynamicReference, replaceDynamicReferences } from './dynamic-reference-syntax';
import { TemplateResolutionError } from './errors';

const SECRET_ARN = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:PaymentsSandbox-ApiKey-AbC123';

describe('parseDynamicReference', () => {
  it('reads a secret by name, whole (no segments, or the empty ones CDK writes)', () => {
    const bare = parseDynamicReference('{{resolve:secretsmanager:MySecret}}');
    const empty = parseDynamicReference('{{resolve:secretsmanager:MySecret::::}}');

    expect(bare).toEqual({ service: 'secretsmanager', text: '{{resolve:secretsmanager:MySecret}}', secretId: 'MySecret' });
    expect(empty).toMatchObject({ secretId: 'MySecret' });
    expect(empty).not.toHaveProperty('jsonKey');
  });

  it('reads a secret by ARN, its colons included, as CDK synthesizes `secret.secretValue`', () => {
    const reference = parseDynamicReference(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`);

    expect(reference).toEqual({ service: 'secretsmanager', text: `{{resolve:secretsmanager:${SECRET_ARN}:SecretString:::}}`, secretId: SECRET_ARN });
  });

  it('reads a JSON key, a version stage and a version id', () => {
    const key = parseDynamicReference('{{resolve:secretsmanager:MyRDSSecret:SecretString:password}}');
    const stage = parseDynamicReference(`{{resolve:secretsmanager:${SECRET_ARN}:SecretString:password:AWSPENDING}}`);
    const id = parseDynamicReference('{{resolve:secretsmanager:MySecret:SecretString:password::EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE}}');

    expect(key).toMatchObject({ secretId: 'MyRDSSecret', jsonKey: 'password' });
    expect(stage).toMatchObject({ secretId: SECRET_ARN, jsonKey: 'password', versionStage: 'AWSPENDING' });
    expect(id).toMatchObject({ secretId: 'MySecret', jsonKey: 'password', versionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE' });
    expect(id).not.toHaveProperty('versionStage');
  });

  it('reads a parameter by name or ARN, with and without a version, for ssm and ssm-secure', () => {
    const latest = parseDynamicReference('{{resolve:ssm:/shop/payments/sandbox-url}}');
    const versioned = parseDynamicReference('{{resolve:ssm:S3AccessControl:2}}');
    const byArn = parseDynamicReference('{{resolve:ssm:arn:aws:ssm:us-east-1:000000000000:parameter/shop/url:3}}');
    const secure = parseDynamicReference('{{resolve:ssm-secure:IAMUserPassword:10}}');

    expect(latest).toEqual({ service: 'ssm', text: '{{resolve:ssm:/shop/payments/sandbox-url}}', name: '/shop/payments/sandbox-url' });
    expect(versioned).toMatchObject({ service: 'ssm', name: 'S3AccessControl', version: 2 });
    expect(byArn).toMatchObject({ name: 'arn:aws:ssm:us-east-1:000000000000:parameter/shop/url', version: 3 });
    expect(secure).toMatchObject({ service: 'ssm-secure', name: 'IAMUserPassword', version: 10 });
  });

  it.each([
    ['{{resolve:vault:my/secret}}', 'not a service CloudFormation resolves'],
    ['{{resolve:secretsmanager:}}', 'secret-id'],
    ['{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1}}', 'secret-id'],
    ['{{resolve:secretsmanager:MySecret:SecretBinary}}', 'not SecretString'],
    ['{{resolve:secretsmanager:MySecret:SecretString:password:AWSCURRENT:EXAMPLE1-90ab}}', 'both a version stage and a version id'],
    ['{{resolve:secretsmanager:MySecret:SecretString:a:b:c:d}}', 'more segments'],
    ['{{resolve:ssm:/shop/url:latest}}', 'not a parameter name'],
    ['{{resolve:ssm:}}', 'not a parameter name'],
  ])('refuses %s', (text, why) => {
    const parse = () => parseDynamicReference(text);

    expect(parse).toThrow(TemplateResolutionError);
    expect(parse).toThrow(why);
  });
});

describe('dynamicReferencesInText', () => {
  it('finds every reference embedded in a longer string, in order', () => {
    const text = 'https://{{resolve:ssm:/shop/host}}/v1?key={{resolve:secretsmanager:ApiKey:SecretString:key}}';

    const found = dynamicReferencesInText(text);

    expect(found.map((reference) => reference.text)).toEqual(['{{resolve:ssm:/shop/host}}', '{{resolve:secretsmanager:ApiKey:SecretString:key}}']);
  });

  it('finds none in a string without one, and fails on a reference that never ends', () => {
    const none = dynamicReferencesInText('{{local-cloud:late:Shop/Seed}} and {{other}}');
    const unfinished = () => dynamicReferencesInText('x-{{resolve:ssm:/shop/host');

    expect(none).toEqual([]);
    expect(unfinished).toThrow('does not end with "}}"');
  });
});

describe('replaceDynamicReferences', () => {
  it('replaces each reference in one pass, leaving the text around it', () => {
    const text = '{{resolve:ssm:/a}}/charges/{{resolve:ssm:/b:2}}';

    const replaced = replaceDynamicReferences(text, (reference) => (reference === '{{resolve:ssm:/a}}' ? 'http://sandbox' : '{{resolve:ssm:/a}}'));

    expect(replaced).toBe('http://sandbox/charges/{{resolve:ssm:/a}}');
  });
});
