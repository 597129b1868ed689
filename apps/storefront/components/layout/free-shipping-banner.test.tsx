import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FreeShippingBanner } from './free-shipping-banner';

describe('FreeShippingBanner', () => {
  it('shows the threshold from the flag attribute while the flag is on', () => {
    const html = renderToStaticMarkup(<FreeShippingBanner enabled thresholdMinor={5000} currency="GBP" />);

    expect(html).toContain('Free shipping over £50');
  });

  it('shows nothing while the flag is off', () => {
    expect(renderToStaticMarkup(<FreeShippingBanner enabled={false} thresholdMinor={5000} currency="GBP" />)).toBe('');
  });
});
