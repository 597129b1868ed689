import { readdirSync, readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderProductImage } from './art/render';
import { SEED_PRODUCTS, seedImageFileName } from './catalog';
import { SEED_IMAGES } from './images';

const imagesDir = new URL('./images/', import.meta.url);
const readImage = (file: string) => readFileSync(new URL(file, imagesDir), 'utf8');
const images = SEED_PRODUCTS.flatMap((product) => product.images.map((image) => ({ product, image })));
const MAX_IMAGE_BYTES = 4 * 1024;

describe('seed images', () => {
  it('has exactly one file in seed/images for each image key of the catalog', () => {
    const files = readdirSync(imagesDir).sort();

    const expected = images.map(({ image }) => seedImageFileName(image)).sort();

    expect(files).toEqual(expected);
  });

  it('carries every image in SEED_IMAGES exactly as its file holds it', () => {
    const fromFiles = Object.fromEntries(images.map(({ image }) => [image.key, readImage(seedImageFileName(image))]));

    expect(SEED_IMAGES).toEqual(fromFiles);
  });

  it('keeps the files as the generator draws them today', () => {
    const stale = images
      .filter(({ product, image }) => readImage(seedImageFileName(image)) !== renderProductImage(product))
      .map(({ image }) => image.key);

    expect(stale).toEqual([]);
  });

  it.each(images.map(({ image }) => [image.key, seedImageFileName(image)]))(
    'keeps %s small, well formed and self-contained',
    (_key, file) => {
      const svg = readImage(file);

      const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg) as {
        svg?: { '@_viewBox'?: string };
      };

      expect(Buffer.byteLength(svg)).toBeLessThan(MAX_IMAGE_BYTES);
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(parsed.svg?.['@_viewBox']).toBe('0 0 400 400');
      expect(svg).not.toMatch(/href|url\(|@import|<image|<script/i);
    },
  );

  it('titles each image with the name of its product', () => {
    const titleOf = (svg: string) => (new XMLParser().parse(svg) as { svg: { title: unknown } }).svg.title;

    const mismatched = images.filter(({ product, image }) => titleOf(readImage(seedImageFileName(image))) !== product.name);

    expect(mismatched.map(({ product }) => product.sku)).toEqual([]);
  });
});
