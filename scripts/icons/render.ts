// Renders the site icon (scripts/icons/icon.svg) to the PNG and ICO files the app serves:
// app/favicon.ico (16, 32, 48 px), app/apple-icon.png (180 px), public/icons/*.png for the web app
// manifest (192, 512, maskable 512). Run after changing the SVG: `npx tsx scripts/icons/render.ts`.
// Uses the system's Chromium (as the e2e tests do), so no image library is needed.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const svg = (name: string) => readFileSync(path.join(ROOT, 'scripts/icons', name), 'utf8');

// An ICO file whose images are PNGs (supported by every browser since 2007).
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + images.length * 16);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + index * 16;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const render = async (source: string, size: number) => {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    await page.close();
    return png;
  };
  try {
    const icon = svg('icon.svg');
    writeFileSync(path.join(ROOT, 'app/favicon.ico'), ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, png: await render(icon, size) })))));
    writeFileSync(path.join(ROOT, 'app/apple-icon.png'), await render(svg('icon-maskable.svg'), 180));
    writeFileSync(path.join(ROOT, 'public/icons/icon-192.png'), await render(icon, 192));
    writeFileSync(path.join(ROOT, 'public/icons/icon-512.png'), await render(icon, 512));
    writeFileSync(path.join(ROOT, 'public/icons/icon-maskable-512.png'), await render(svg('icon-maskable.svg'), 512));
    copyFileSync(path.join(ROOT, 'scripts/icons/icon.svg'), path.join(ROOT, 'app/icon.svg'));
  } finally {
    await browser.close();
  }
}

main().then(
  () => console.log('Icons geschrieben.'),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
