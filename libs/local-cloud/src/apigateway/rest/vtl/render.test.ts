import { describe, expect, it } from 'vitest';
import { BodyNotJsonError, makeInput } from './input';
import { renderTemplate } from './render';
import { vtlUtil } from './util';

const params = { path: { id: 'o-1' }, querystring: { page: '2' }, header: { 'Idempotency-Key': 'key-1' } };
const render = (
  template: string,
  body = '{"items":[{"sku":"TEE","quantity":2}],"note":null}',
  context: Record<string, unknown> = {},
) =>
  renderTemplate(template, { input: makeInput(body, params), context, util: vtlUtil, stageVariables: { env: 'dev' } });

describe('mapping templates', () => {
  it('renders $input.json as JSON text and $input.path as a value to navigate', () => {
    const template = `{"order": $input.json('$'), "first": "$input.path('$.items[0].sku')", "count": $input.path('$.items').size()}`;

    expect(JSON.parse(render(template))).toEqual({
      order: { items: [{ sku: 'TEE', quantity: 2 }], note: null },
      first: 'TEE',
      count: 1,
    });
  });

  it('renders absent and null values as nothing, as API Gateway does', () => {
    expect(render(`"$input.path('$.missing')|$input.path('$.note')|$context.authorizer.claims.sub"`)).toBe('"||"');
  });

  it('reads $input.params by name from the path, the query string, then the headers (any case)', () => {
    expect(render(`$input.params('id') $input.params('page') $input.params('idempotency-key')`)).toBe('o-1 2 key-1');
  });

  it('renders $input.params() as Java maps, and iterates them', () => {
    const template = `#foreach($type in $input.params().keySet())$type=#foreach($name in $input.params().get($type).keySet())$name#end;#end`;

    expect(render(template)).toBe('path=id;querystring=page;header=Idempotency-Key;');
  });

  it('lets a template set $context.responseOverride, which the caller reads back', () => {
    const context = { responseOverride: { header: {} as Record<string, string> } };

    render(
      `#set($context.responseOverride.status = 409)#set($context.responseOverride.header.Retry-After = "5")`,
      '{}',
      context,
    );

    expect(context.responseOverride).toEqual({ status: 409, header: { 'Retry-After': '5' } });
  });

  it('offers the Java String and Map methods templates call', () => {
    const template = `#set($o = $input.path('$'))$o.containsKey('items') $o.isEmpty() $input.params('id').length() $input.params('id').equals('o-1') $stageVariables.env`;

    expect(render(template)).toBe('true false 3 true dev');
  });

  it('starts with {} for an empty body', () => {
    expect(render(`$input.json('$')`, '')).toBe('{}');
  });

  it('refuses a body that is not JSON when the template reads it as JSON', () => {
    expect(() => render(`$input.json('$')`, 'not json')).toThrow(BodyNotJsonError);
  });

  it('passes the raw body through $input.body', () => {
    expect(render('$input.body', 'plain text')).toBe('plain text');
  });
});
