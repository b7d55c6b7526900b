import { getLocale, getTranslations } from 'next-intl/server';
import { EmailAddress, PhoneNumber } from '@/components/ui/contact-values';
import type { ContactDto } from '@/lib/data/organizations';
import { toTelHref } from '@/lib/format/phone';
import { langProps } from './localized';

const linkClass = 'inline-flex min-h-11 min-w-11 max-w-full items-center text-brand-800 underline';

export async function ContactCard({
  contact,
  vcardHref,
  languageNames,
}: {
  contact: ContactDto;
  vcardHref?: string;
  languageNames?: Record<string, { name: string; native: string }>;
}) {
  const t = await getTranslations('Organization');
  const locale = await getLocale();
  const label = contact.name ?? contact.role.value;
  const phones = [
    { kind: 'phone' as const, value: contact.phone },
    { kind: 'mobile' as const, value: contact.mobile },
  ].filter((p): p is { kind: 'phone' | 'mobile'; value: string } => Boolean(p.value));
  return (
    // On narrow phones the card gives up its box (a rule above instead), so that an e-mail address
    // has the whole width; label and value sit side by side only where the card is wide enough.
    <li
      className="@container rounded-lg border border-slate-300 p-4 max-[479px]:rounded-none max-[479px]:border-x-0 max-[479px]:border-b-0 max-[479px]:px-0 max-[479px]:pb-0"
      data-contact-id={contact.id}
    >
      {contact.name ? <p className="font-semibold">{contact.name}</p> : null}
      <p className="text-slate-700" {...langProps(contact.role, locale)}>
        {contact.role.value}
      </p>
      <dl className="mt-2 grid grid-cols-1 @sm:grid-cols-[auto_1fr] @sm:items-center @sm:gap-x-3">
        {phones.map((phone) => (
          <div key={phone.kind} className="contents">
            <dt className="text-slate-700">{t(phone.kind)}</dt>
            <dd>
              <a href={toTelHref(phone.value)} className={linkClass} aria-label={t('callLabel', { name: label, phone: phone.value })}>
                <PhoneNumber value={phone.value} />
              </a>
            </dd>
          </div>
        ))}
        {contact.email ? (
          <>
            <dt className="text-slate-700">{t('email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`} className={linkClass} aria-label={t('writeLabel', { name: label, email: contact.email })}>
                <EmailAddress value={contact.email} />
              </a>
            </dd>
          </>
        ) : null}
        {contact.languages.length > 0 && languageNames ? (
          <>
            <dt className="text-slate-700">{t('languagesSpoken')}</dt>
            <dd className="py-2">
              {contact.languages
                .map((offer) => languageNames[offer.languageCode]?.name ?? offer.languageCode)
                .join(', ')}
            </dd>
          </>
        ) : null}
      </dl>
      {vcardHref ? (
        <p className="mt-2 print:hidden">
          <a href={vcardHref} className={linkClass} download aria-label={t('downloadVcardFor', { name: label })}>
            {t('downloadVcard')} (vCard)
          </a>
        </p>
      ) : null}
    </li>
  );
}
