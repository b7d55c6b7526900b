// Content in the visitor's language, or German with lang="de" (screen readers switch voice) and,
// for longer texts, a short note that it is only available in German.
import { getLocale, getTranslations } from 'next-intl/server';
import type { LocalizedText } from '@/lib/data/translations';
import { getDirection } from '@/lib/i18n/routing';

export function langProps(text: LocalizedText, locale: string) {
  if (text.lang === locale) return {};
  return { lang: text.lang, dir: getDirection(text.lang) !== getDirection(locale) ? getDirection(text.lang) : undefined };
}

export async function LocalizedBlock({
  text,
  className,
  showNote = true,
}: {
  text: LocalizedText;
  className?: string;
  showNote?: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations('Layout');
  if (!text.value.trim()) return null;
  const paragraphs = text.value.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
  const isFallback = text.lang !== locale;
  return (
    <div className={className ?? 'space-y-3 leading-relaxed'}>
      {isFallback && showNote ? <p className="text-sm text-slate-700 italic">{t('onlyInGerman')}</p> : null}
      <div {...langProps(text, locale)} className="space-y-3">
        {paragraphs.map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </div>
  );
}
