import 'server-only';
import { db } from '@/lib/db';

// The page in the visitor's language, else the German one (German is the source).
export async function getPage({ slug, locale }: { slug: string; locale: string }) {
  const rows = await db.page.findMany({
    where: { slug, locale: { in: [...new Set([locale, 'de'])] } },
    select: { slug: true, locale: true, title: true, body: true, updatedAt: true },
  });
  const page = rows.find((row) => row.locale === locale) ?? rows.find((row) => row.locale === 'de');
  return page ? { ...page, isFallback: page.locale !== locale } : null;
}
