// URL slugs from German names: umlauts transliterated (ä -> ae), other accents dropped.
const REPLACEMENTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'ae', Ö: 'oe', Ü: 'ue', ẞ: 'ss' };

export function slugify(name: string, maxLength = 80): string {
  const slug = name
    .replace(/[äöüßÄÖÜẞ]/g, (char) => REPLACEMENTS[char] ?? char)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' und ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/g, '') || 'eintrag';
}
