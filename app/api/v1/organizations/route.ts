// Public read-only JSON API: the directory search with the same parameters as /[locale]/akteure.
import { NextResponse } from 'next/server';
import { isLocale } from '@/lib/i18n/routing';
import { runDirectorySearch } from '@/lib/data/directory/search';
import { validateDirectoryQuery } from '@/lib/search/query';

export async function GET(request: Request) {
  const url = new URL(request.url);
  const requested = url.searchParams.get('locale') ?? 'de';
  const locale = isLocale(requested) ? requested : 'de';
  const validated = validateDirectoryQuery(url.searchParams);
  if (!validated.success) {
    return NextResponse.json({ error: 'Ungültige Suchparameter.', fields: validated.errors }, { status: 400 });
  }
  const { query } = validated;
  const result = await runDirectorySearch({ query, locale });
  return NextResponse.json(
    {
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      items: result.cards.map((card) => ({
        slug: card.slug,
        name: card.name.value,
        shortName: card.shortName,
        description: card.description.value,
        contentLanguage: card.description.lang,
        category: card.category,
        topics: card.topics,
        municipalities: card.municipalities,
        languages: card.languageCodes,
        wheelchairAccessible: card.hasWheelchairAccess,
        url: `/${locale}/akteure/${card.slug}`,
      })),
    },
    { headers: { 'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=300' } },
  );
}
