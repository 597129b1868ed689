import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field } from './field';

describe('Field', () => {
  it('labels its input and ties the error and hint to it', () => {
    const html = renderToStaticMarkup(<Field name="shipping.postalCode" label="Postcode" hint="As on your post" error="Required" />);

    expect(html).toContain('<label for="field-shipping-postalCode">Postcode</label>');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="field-shipping-postalCode-hint field-shipping-postalCode-error"');
    expect(html).toContain('id="field-shipping-postalCode-error">Required</p>');
  });
});
