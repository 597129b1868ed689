// Writes one SVG per seed product image into seed/images and the module seed/images.ts that carries them.
// Run from the repository root: npx tsx services/products/seed/generate-images.ts
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { renderImagesModule, renderProductImage } from './art/render';
import { SEED_PRODUCTS, seedImageFileName } from './catalog';

const imagesDir = new URL('./images/', import.meta.url);
const moduleFile = new URL('./images.ts', import.meta.url);

// Every image of a product gets the product's drawing; the catalog gives each product one image today.
const images = SEED_PRODUCTS.flatMap((product) =>
  product.images.map((image) => [image.key, renderProductImage(product), seedImageFileName(image)] as const),
);

await mkdir(imagesDir, { recursive: true });
const wanted = new Set(images.map(([, , file]) => file));
const stale = (await readdir(imagesDir)).filter((file) => file.endsWith('.svg') && !wanted.has(file));
await Promise.all(stale.map((file) => rm(new URL(file, imagesDir))));
await Promise.all(images.map(([, svg, file]) => writeFile(new URL(file, imagesDir), svg)));
await writeFile(moduleFile, renderImagesModule(images.map(([key, svg]) => [key, svg] as const)));

console.log(`Wrote ${images.length} images to ${imagesDir.pathname}, removed ${stale.length} stale, and ${moduleFile.pathname}`);
