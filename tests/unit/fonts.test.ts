// The self-hosted fonts: every file app/fonts.css and lib/fonts.ts name exists and carries its own
// content hash (so "cache forever" is safe), and the fallback faces' size-adjust and ascent/descent
// overrides are what Next.js's own computation (next/font's adjustFontFallback) gives for the files:
// the swap from fallback to web font must not move the layout.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, fontPreloads } from '@/lib/fonts';

const root = path.resolve(__dirname, '../..');
const css = readFileSync(path.join(root, 'app/fonts.css'), 'utf8');
const require = createRequire(import.meta.url);
const fontkitModule = require('next/dist/compiled/@next/font/dist/fontkit').default;
const openFont = (fontkitModule.default ?? fontkitModule) as (buffer: Buffer) => unknown;
const { getFallbackMetricsFromFontFile } = require('next/dist/compiled/@next/font/dist/local/get-fallback-metrics-from-font-file') as {
  getFallbackMetricsFromFontFile: (font: unknown, category: string) => { ascentOverride: string; descentOverride: string; sizeAdjust: string; lineGapOverride: string };
};

function fontFace(family: string, weight?: string): string {
  const blocks = css.split('@font-face').slice(1);
  const block = blocks.find((text) => text.includes(`font-family: '${family}'`) && (!weight || text.includes(`font-weight: ${weight}`)));
  if (!block) throw new Error(`@font-face ${family} ${weight ?? ''} fehlt`);
  return block;
}

const percent = (block: string, property: string) => Number(new RegExp(`${property}: ([\\d.]+)%`).exec(block)?.[1]);

describe('self-hosted fonts', () => {
  it('names only existing files whose name carries their content hash', () => {
    const named = [...new Set([...css.matchAll(/url\('([^']+)'\)/g)].map((match) => match[1]))];
    expect(named.sort()).toEqual(Object.values(FONT_FILES).sort());
    for (const url of named) {
      const file = path.join(root, 'public', url);
      expect(existsSync(file), url).toBe(true);
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 8);
      expect(url, 'Dateiname enthält den Hash des Inhalts').toContain(`.${hash}.woff2`);
    }
  });

  it('preloads, per language, only files that the CSS declares', () => {
    for (const locale of ['de', 'en', 'ar', 'uk', 'ru']) {
      for (const url of fontPreloads(locale)) expect(css).toContain(url);
    }
    expect(fontPreloads('de')).toEqual([FONT_FILES.interLatin]);
    expect(fontPreloads('ar')).toContain(FONT_FILES.arabic700);
    expect(fontPreloads('de').some((url) => url.includes('arabic') || url.includes('cyrillic'))).toBe(false);
  });

  it('scales the fallback faces to the web fonts (as next/font computes it)', () => {
    const inter = getFallbackMetricsFromFontFile(openFont(readFileSync(path.join(root, 'public', FONT_FILES.interLatin))), 'sans-serif');
    for (const weight of ['100 500', '600 900']) {
      const block = fontFace('Inter Fallback', weight);
      expect(percent(block, 'size-adjust')).toBeCloseTo(parseFloat(inter.sizeAdjust), 1);
      expect(percent(block, 'ascent-override')).toBeCloseTo(parseFloat(inter.ascentOverride), 1);
      expect(percent(block, 'descent-override')).toBeCloseTo(parseFloat(inter.descentOverride), 1);
    }
    const arabic = getFallbackMetricsFromFontFile(openFont(readFileSync(path.join(root, 'public', FONT_FILES.arabic400))), 'sans-serif');
    const block = fontFace('Noto Sans Arabic Fallback');
    expect(percent(block, 'ascent-override')).toBeCloseTo(parseFloat(arabic.ascentOverride), 1);
    expect(percent(block, 'descent-override')).toBeCloseTo(parseFloat(arabic.descentOverride), 1);
  });

  it('never blocks text: every face swaps', () => {
    for (const block of css.split('@font-face').slice(1)) {
      if (block.includes('Fallback')) continue;
      expect(block).toContain('font-display: swap');
    }
  });
});
