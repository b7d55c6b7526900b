// Impressum, Datenschutz, Barrierefreiheit: an edited page in the visitor's language when one
// exists (Page table), else the standard text from the messages, which is translated.
import { getTranslations } from 'next-intl/server';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getPage } from '@/lib/data/pages';
import { EmailAddress } from '@/components/ui/contact-values';
import { PageSection } from './page-content';

export type LegalKind = 'imprint' | 'privacy' | 'accessibility';

export async function LegalPage({ kind, slug, locale }: { kind: LegalKind; slug: string; locale: string }) {
  const [page, office, t] = await Promise.all([
    getPage({ slug, locale }),
    getCoordinationOffice({ locale }),
    getTranslations('Legal'),
  ]);
  if (page && !page.isFallback) return <PageSection page={page} headingLevel="h1" />;
  const paragraphs = t.raw(kind) as string[];
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">{t(`${kind}Title`)}</h1>
      {paragraphs.map((paragraph, index) => (
        <p key={index} className="leading-relaxed">
          {paragraph}
        </p>
      ))}
      {office?.email ? (
        <p>
          {t('contactLine')}{' '}
          <a href={`mailto:${office.email}`} className="inline-flex min-h-11 max-w-full items-center text-brand-800 underline">
            <EmailAddress value={office.email} />
          </a>
        </p>
      ) : null}
    </div>
  );
}
