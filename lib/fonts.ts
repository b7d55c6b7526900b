// The self-hosted font files (app/fonts.css declares them) and which of them each language needs
// for its first screen. The layout preloads exactly these, so that a German page never fetches
// Arabic or Cyrillic glyphs and an Arabic page gets its script without waiting for the CSS.
/** @internal Exported for its tests. */
export const FONT_FILES = {
  interLatin: '/fonts/inter-latin-wght-normal.c5c37c0d.woff2',
  interLatinExt: '/fonts/inter-latin-ext-wght-normal.4af3cca5.woff2',
  interCyrillic: '/fonts/inter-cyrillic-wght-normal.5aa4f182.woff2',
  interCyrillicExt: '/fonts/inter-cyrillic-ext-wght-normal.edc6187a.woff2',
  arabic400: '/fonts/noto-sans-arabic-arabic-400-normal.65aadc91.woff2',
  arabic700: '/fonts/noto-sans-arabic-arabic-700-normal.d537ba88.woff2',
} as const;

const PRELOADS: Record<string, (keyof typeof FONT_FILES)[]> = {
  de: ['interLatin'],
  en: ['interLatin'],
  uk: ['interLatin', 'interCyrillic'],
  ru: ['interLatin', 'interCyrillic'],
  // Headings are bold, body text regular: both faces are on the first screen.
  ar: ['arabic700', 'arabic400'],
};

export function fontPreloads(locale: string): string[] {
  return (PRELOADS[locale] ?? PRELOADS.de).map((key) => FONT_FILES[key]);
}
