import { describe, expect, it } from 'vitest';
import type { MappedIntegration } from '../model/rest-api';
import { aMethodContext } from '../test-support';
import { integrationRequestBody, mockStatus } from './integration-request';

const integration = (
  passthroughBehavior: MappedIntegration['passthroughBehavior'],
  requestTemplates: Record<string, string> = {},
): MappedIntegration => ({ timeoutMs: 29_000, requestTemplates, passthroughBehavior, responses: [] });
const JSON_TEMPLATE = {
  'application/json': `{"input": "$util.escapeJavaScript($input.json('$'))", "name": "$input.params('Idempotency-Key')"}`,
};

describe('integrationRequestBody', () => {
  it("renders the template of the request's content type", () => {
    const ctx = aMethodContext({
      headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotency-Key': 'k-1' },
      body: '{"sku":"TEE"}',
    });

    const result = integrationRequestBody(integration('NEVER', JSON_TEMPLATE), ctx);

    expect(result).toEqual({ body: '{"input": "{\\"sku\\":\\"TEE\\"}", "name": "k-1"}' });
  });

  it('takes a request without a content type as application/json', () => {
    const result = integrationRequestBody(
      integration('NEVER', JSON_TEMPLATE),
      aMethodContext({ headers: {}, body: '{}' }),
    );

    expect(result).toEqual({ body: '{"input": "{}", "name": ""}' });
  });

  it.each([
    ['WHEN_NO_MATCH', 'another content type', JSON_TEMPLATE, { body: 'a=1' }],
    ['WHEN_NO_TEMPLATES', 'no templates at all', {}, { body: 'a=1' }],
    ['WHEN_NO_TEMPLATES', 'another content type', JSON_TEMPLATE, 'UNSUPPORTED_MEDIA_TYPE'],
    ['NEVER', 'another content type', JSON_TEMPLATE, 'UNSUPPORTED_MEDIA_TYPE'],
    ['NEVER', 'no templates at all', {}, 'UNSUPPORTED_MEDIA_TYPE'],
  ] as const)('with %s and %s, answers %j', (behavior, _case, templates, expected) => {
    const ctx = aMethodContext({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });

    expect(integrationRequestBody(integration(behavior, templates), ctx)).toEqual(expected);
  });
});

describe('mockStatus', () => {
  it('reads the statusCode a MOCK request template renders, quoted or not', () => {
    expect(mockStatus('{ statusCode: 200 }')).toBe(200);
    expect(mockStatus('{"statusCode": "404"}')).toBe(404);
  });

  it('answers 200 when the template names no status', () => {
    expect(mockStatus('')).toBe(200);
  });
});
