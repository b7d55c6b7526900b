// BITV 2.0 §4: the site explained in Leichte Sprache (easy-to-read German): short sentences, one
// statement each, every sentence on its own line, hard words explained, no abbreviations
// (tests/unit/easy-language.test.ts checks the text). Leichte Sprache is German; the other
// languages say so and link to it and to their own start page.
import type { Metadata } from 'next';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { EmailAddress, PhoneNumber } from '@/components/ui/contact-values';
import { getCoordinationOffice } from '@/lib/data/organizations';
import { getSignLanguageVideo } from '@/lib/data/sign-language';
import { toTelHref } from '@/lib/format/phone';
import { Link } from '@/lib/i18n/navigation';
import { localeAlternates } from '@/lib/i18n/routing';

interface Section {
  id: string;
  title: string;
  sentences: string[];
  contact?: boolean;
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'EasyLanguage' });
  return { title: t('title'), description: t('description'), alternates: localeAlternates('/leichte-sprache', locale) };
}

// The middle dot of long compounds ("Koordinierungs·stelle") helps reading; screen readers
// should read the word as one, so the dot is hidden from them.
function Easy({ text }: { text: string }) {
  const parts = text.split('·');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? <span aria-hidden="true">·</span> : null}
          {part}
        </span>
      ))}
    </>
  );
}

const linkClass = 'inline-flex min-h-11 items-center font-semibold text-brand-800 underline';

export default async function EasyLanguagePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('EasyLanguage');
  if (locale !== 'de') {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-lg">{t('germanOnly')}</p>
        <ul className="space-y-1">
          <li>
            <Link href="/leichte-sprache" locale="de" className={linkClass}>
              {t('toGerman')}
            </Link>
          </li>
          <li>
            <Link href="/" className={linkClass}>
              {t('toNormal')}
            </Link>
          </li>
        </ul>
      </div>
    );
  }
  const [messages, tt, office, signVideo] = await Promise.all([
    getMessages(),
    getTranslations('EasyLanguageText'),
    getCoordinationOffice({ locale }),
    getSignLanguageVideo(),
  ]);
  // German only (messages/de.json): Leichte Sprache is a form of German.
  const sections = (messages.EasyLanguageText as { sections: Section[] }).sections;
  const phones = office ? [...new Set([office.phone, ...office.contacts.map((c) => c.phone)].filter((p): p is string => Boolean(p)))] : [];
  const emails = office ? [...new Set([office.email, ...office.contacts.map((c) => c.email)].filter((e): e is string => Boolean(e)))] : [];
  return (
    <div className="max-w-2xl space-y-8 text-lg leading-relaxed">
      <h1 className="text-3xl font-bold text-brand-900">
        <Easy text={t('title')} />
      </h1>
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`ls-${section.id}`} className="space-y-2">
          <h2 id={`ls-${section.id}`} className="text-2xl font-semibold text-brand-900">
            <Easy text={section.title} />
          </h2>
          {section.sentences.map((sentence, index) => (
            <p key={index}>
              <Easy text={sentence} />
            </p>
          ))}
          {section.contact && office ? (
            // Addresses in the normal size: at 18 px the longest one would not fit a 320 px phone.
            <dl className="mt-3 space-y-2 rounded-lg border-2 border-brand-100 bg-brand-50 p-4 text-base max-[479px]:-mx-4 max-[479px]:rounded-none max-[479px]:border-x-0 max-[479px]:px-4" data-office-contact>
              {emails.map((email) => (
                <div key={email}>
                  <dt className="font-semibold">{tt('contactEmail')}</dt>
                  <dd>
                    <a href={`mailto:${email}`} className="inline-flex min-h-11 max-w-full items-center text-brand-800 underline">
                      <EmailAddress value={email} />
                    </a>
                  </dd>
                </div>
              ))}
              {phones.map((phone) => (
                <div key={phone}>
                  <dt className="font-semibold">{tt('contactPhone')}</dt>
                  <dd>
                    <a href={toTelHref(phone)} className="inline-flex min-h-11 items-center text-brand-800 underline">
                      <PhoneNumber value={phone} />
                    </a>
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
      ))}
      <nav aria-labelledby="ls-links" className="space-y-2">
        <h2 id="ls-links" className="text-2xl font-semibold text-brand-900">
          <Easy text={tt('links')} />
        </h2>
        <ul className="space-y-1">
          <li>
            <Link href="/akteure" className={linkClass}>
              <Easy text={tt('linkDirectory')} />
            </Link>
          </li>
          <li>
            <Link href="/wegweiser" className={linkClass}>
              <Easy text={tt('linkGuide')} />
            </Link>
          </li>
          {signVideo ? (
            <li>
              <Link href="/gebaerdensprache" className={linkClass}>
                <Easy text={tt('linkSignLanguage')} />
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/barrierefreiheit" className={linkClass}>
              <Easy text={tt('linkAccessibility')} />
            </Link>
          </li>
        </ul>
      </nav>
    </div>
  );
}
