import { describe, expect, it } from 'vitest';
import { escapeJavaScript, vtlUtil } from './util';

describe('$util', () => {
  it('escapes quotes, backslashes, slashes and control characters as Java does', () => {
    expect(escapeJavaScript('say "hi"\n\t\\ </a>')).toBe('say \\"hi\\"\\n\\t\\\\ <\\/a>');
  });

  it('escapes single quotes too, which is why AWS warns that the result is not always valid JSON', () => {
    expect(escapeJavaScript("it's")).toBe("it\\'s");
  });

  it('escapes characters outside ASCII as \\u sequences', () => {
    expect(escapeJavaScript('café ✓')).toBe('caf\\u00E9 \\u2713');
  });

  it('parses JSON text into values a template can navigate', () => {
    expect(vtlUtil.parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });

  it("URL-encodes as Java's URLEncoder: spaces as +, and the characters JavaScript leaves alone", () => {
    expect(vtlUtil.urlEncode("a b&c=d!'()~*")).toBe('a+b%26c%3Dd%21%27%28%29%7E*');
    expect(vtlUtil.urlDecode('a+b%26c')).toBe('a b&c');
  });

  it('encodes and decodes base64', () => {
    expect(vtlUtil.base64Encode('café')).toBe('Y2Fmw6k=');
    expect(vtlUtil.base64Decode('Y2Fmw6k=')).toBe('café');
  });
});
