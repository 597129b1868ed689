import { describe, expect, it } from 'vitest';
import { SsmError } from './errors';
import { assertValidName, parameterArn, parseNameReference } from './parameter-name';

describe('parameter names', () => {
  it('accepts flat and fully qualified hierarchical names', () => {
    expect(() => assertValidName('plain-name_1.0')).not.toThrow();
    expect(() => assertValidName('/shop/prod/api-url')).not.toThrow();
  });

  it('rejects reserved prefixes, bad characters and deep hierarchies', () => {
    expect(() => assertValidName('/aws/reserved')).toThrow(SsmError);
    expect(() => assertValidName('SSMthing')).toThrow(SsmError);
    expect(() => assertValidName('/shop/has space')).toThrow(SsmError);
    expect(() => assertValidName(`/${Array.from({ length: 16 }, (_, i) => `l${i}`).join('/')}`)).toThrow(expect.objectContaining({ code: 'HierarchyLevelLimitExceededException' }));
  });

  it('reads a version selector and an ARN', () => {
    expect(parseNameReference('/shop/url:3')).toEqual({ names: ['/shop/url'], selector: '3' });
    expect(parseNameReference('arn:aws:ssm:us-east-1:000000000000:parameter/shop/url')).toEqual({ names: ['/shop/url'] });
    expect(parseNameReference('arn:aws:ssm:us-east-1:000000000000:parameter/flat')).toEqual({ names: ['flat', '/flat'] });
  });

  it('writes ARNs without doubling the leading slash', () => {
    expect(parameterArn('eu-west-1', '123456789012', '/a/b')).toBe('arn:aws:ssm:eu-west-1:123456789012:parameter/a/b');
  });
});
