// Editable content pages (network description, history, legal pages): the visitor's language,
// else German (the source), with a flag so that the page can say so and mark the text lang="de".
import 'server-only';
import { pageTag } from '@/lib/cache';
import { db } from '@/lib/db';
import { cachedPublicRead } from './public-cache';

export interface PublicPage {
  slug: string;
  locale: string;
  title: string;
  body: string;
  updatedAt: string;
  isFallback: boolean;
}

async function readPages(slugs: string[], locale: string): Promise<Record<string, PublicPage>> {
  const rows = await db.page.findMany({
    where: { slug: { in: slugs }, locale: { in: [...new Set([locale, 'de'])] } },
    select: { slug: true, locale: true, title: true, body: true, updatedAt: true },
  });
  const result: Record<string, PublicPage> = {};
  for (const slug of slugs) {
    const page =
      rows.find((row) => row.slug === slug && row.locale === locale) ??
      rows.find((row) => row.slug === slug && row.locale === 'de');
    if (page) result[slug] = { ...page, updatedAt: page.updatedAt.toISOString(), isFallback: page.locale !== locale };
  }
  return result;
}

export const getPages = cachedPublicRead(
  async ({ slugs, locale }: { slugs: string[]; locale: string }) => readPages(slugs, locale),
  ['pages'],
  (_pages, { slugs }) => slugs.map(pageTag),
);

export async function getPage({ slug, locale }: { slug: string; locale: string }): Promise<PublicPage | null> {
  const pages = await getPages({ slugs: [slug], locale });
  return pages[slug] ?? null;
}
