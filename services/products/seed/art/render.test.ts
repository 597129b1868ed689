import { describe, expect, it } from 'vitest';
import { escapeXml, mixColours, renderProductImage, SeedArtworkError } from './render';

const MUG = { sku: 'MUG-ENAMEL-BLU', name: 'Enamel Mug, Blue', category: 'kitchen' };

describe('renderProductImage', () => {
  it('draws the same image every time for the same product', () => {
    const first = renderProductImage(MUG);

    const second = renderProductImage(MUG);

    expect(second).toBe(first);
  });

  it('draws in the product colour on the background of its category, captioned', () => {
    const svg = renderProductImage(MUG);

    expect(svg).toContain('fill="#2f6db5"');
    expect(svg).toContain('fill="#fbeee0"');
    expect(svg).toContain('>Enamel mug</text>');
  });

  it('escapes the product name so it cannot break the markup', () => {
    const svg = renderProductImage({ ...MUG, name: 'Mugs <big> & "small"' });

    expect(svg).toContain('<title>Mugs &lt;big&gt; &amp; &quot;small&quot;</title>');
  });

  it('fails with SEED.ARTWORK_MISSING for a sku that has no artwork', () => {
    const product = { ...MUG, sku: 'NOT-DRAWN' };

    expect(() => renderProductImage(product)).toThrow(
      expect.objectContaining({ name: 'SeedArtworkError', code: 'SEED.ARTWORK_MISSING' }),
    );
  });

  it('fails for a category that has no background', () => {
    const product = { ...MUG, category: 'toys' };

    expect(() => renderProductImage(product)).toThrow(SeedArtworkError);
  });
});

describe('escapeXml', () => {
  it('replaces the five characters XML reserves and keeps the rest', () => {
    const text = `Chef's <knife> & "board" ✓`;

    expect(escapeXml(text)).toBe('Chef&apos;s &lt;knife&gt; &amp; &quot;board&quot; ✓');
  });
});

describe('mixColours', () => {
  it('returns each end at weights 0 and 1 and the midpoint at 0.5', () => {
    expect(mixColours('#204060', '#ffffff', 0)).toBe('#204060');
    expect(mixColours('#204060', '#ffffff', 1)).toBe('#ffffff');
    expect(mixColours('#000000', '#ffffff', 0.5)).toBe('#808080');
  });
});
