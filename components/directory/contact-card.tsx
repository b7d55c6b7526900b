import { getTranslations } from 'next-intl/server';
import { toTelHref } from '@/lib/format/phone';

export interface ContactCardProps {
  contact: { role: string; name: string | null; email: string | null; phone: string | null; mobile: string | null };
}

export async function ContactCard({ contact }: ContactCardProps) {
  const t = await getTranslations('Organization');
  const label = contact.name ?? contact.role;
  return (
    <li className="rounded-lg border border-slate-200 p-4">
      {contact.name ? <p className="font-semibold">{contact.name}</p> : null}
      <p className="text-slate-700">{contact.role}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        {[contact.phone, contact.mobile].filter(Boolean).map((phone) => (
          <div key={phone} className="contents">
            <dt className="text-slate-700">{t('phone')}</dt>
            <dd>
              <a href={toTelHref(phone!)} className="inline-flex min-h-11 items-center text-brand-800 underline" aria-label={`${label}: ${phone}`}>
                {phone}
              </a>
            </dd>
          </div>
        ))}
        {contact.email ? (
          <>
            <dt className="text-slate-700">{t('email')}</dt>
            <dd className="break-all">
              <a href={`mailto:${contact.email}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                {contact.email}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
