// An editable content page (lib/data/pages.ts): German fallback is marked lang="de" with a note.
import { getLocale, getTranslations } from 'next-intl/server';
import type { PublicPage } from '@/lib/data/pages';
import { getDirection } from '@/lib/i18n/routing';
import { renderMarkdown } from '@/lib/markdown/render';

export async function PageSection({ page, headingLevel = 'h2' }: { page: PublicPage; headingLevel?: 'h1' | 'h2' }) {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  const Heading = headingLevel;
  const fallback = page.locale !== locale;
  const langAttrs = fallback ? { lang: page.locale, dir: getDirection(page.locale) !== getDirection(locale) ? getDirection(page.locale) : undefined } : {};
  return (
    <section aria-labelledby={`page-${page.slug}`} className="space-y-3">
      <Heading
        id={`page-${page.slug}`}
        className={headingLevel === 'h1' ? 'text-3xl font-bold text-brand-900' : 'text-2xl font-semibold text-brand-900'}
        {...langAttrs}
      >
        {page.title}
      </Heading>
      {fallback ? <p className="text-sm text-slate-700 italic">{t('onlyInGerman')}</p> : null}
      {/* Markdown rendered with raw HTML switched off and only safe link targets (lib/markdown). */}
      <div
        {...langAttrs}
        className="prose-content space-y-3 leading-relaxed [&_a]:text-brand-800 [&_a]:underline [&_h3]:text-xl [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:ps-6 [&_ul]:list-disc [&_ul]:ps-6"
        dangerouslySetInnerHTML={{ __html: renderMarkdown(page.body, { topHeadingLevel: headingLevel === 'h1' ? 2 : 3 }) }}
      />
    </section>
  );
}
