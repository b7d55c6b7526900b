import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { EmailAddress, PhoneNumber } from '@/components/ui/contact-values';
import type { ContactDto } from '@/lib/data/organizations';
import { toTelHref } from '@/lib/format/phone';
import { weekdayDate } from '@/lib/format/weekday';
import { formatMinutes, type ScheduleDto } from '@/lib/schedule/open-status';
import { langProps } from './localized';

const linkClass = 'inline-flex min-h-11 min-w-11 max-w-full items-center text-brand-800 underline';

export async function ContactCard({
  contact,
  vcardHref,
  languageNames,
  hours = [],
}: {
  contact: ContactDto;
  vcardHref?: string;
  languageNames?: Record<string, { name: string; native: string }>;
  // The person's own public consultation hours (only a public contact's are ever read).
  hours?: ScheduleDto[];
}) {
  const t = await getTranslations('Organization');
  const th = await getTranslations('Hours');
  const tc = await getTranslations('ContactHours');
  const format = await getFormatter();
  const locale = await getLocale();
  const languageName = (code: string) => languageNames?.[code]?.name ?? code;
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
        {hours.length > 0 ? (
          <>
            <dt className="text-slate-700">{tc('title')}</dt>
            <dd className="py-2">
              <ul>
                {hours.map((slot, index) => (
                  <li key={index} data-contact-slot>
                    <span className="whitespace-nowrap">
                      {format.dateTime(weekdayDate(slot.weekday), { weekday: 'short', timeZone: 'UTC' })}{' '}
                      {th('range', { from: formatMinutes(slot.opensAt), to: formatMinutes(slot.closesAt) })}
                    </span>
                    {slot.languageCodes.length > 0 ? <span> · {tc('inLanguages', { languages: slot.languageCodes.map(languageName).join(', ') })}</span> : null}
                    {slot.appointmentOnly ? <span> ({tc('byAppointment')})</span> : null}
                    {slot.bookingUrl ? (
                      <a href={slot.bookingUrl} className={`${linkClass} block`} rel="noopener" aria-label={tc('bookLabel', { name: label })}>
                        {tc('book')}
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
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
