import { getTranslations } from 'next-intl/server';
import type { CoordinationOffice } from '@/lib/data/organizations';
import { getLanguageNames } from '@/lib/data/taxonomy-public';
import { EmailAddress } from '@/components/ui/contact-values';
import { ContactCard } from './contact-card';

export async function CoordinationContacts({ office, locale }: { office: CoordinationOffice; locale: string }) {
  const t = await getTranslations('Organization');
  const languageNames = await getLanguageNames({ locale });
  return (
    <div className="space-y-3">
      {office.email ? (
        <p>
          {t('email')}:{' '}
          <a href={`mailto:${office.email}`} className="inline-flex min-h-11 max-w-full items-center text-brand-800 underline">
            <EmailAddress value={office.email} />
          </a>
        </p>
      ) : null}
      {office.contacts.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2">
          {office.contacts.map((contact) => (
            <ContactCard
              key={contact.id}
              contact={contact}
              languageNames={languageNames}
              vcardHref={`/${locale}/akteure/${office.slug}/vcard/${contact.id}`}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
