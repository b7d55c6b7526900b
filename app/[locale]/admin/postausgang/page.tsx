import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/session';
import { listOutbox } from '@/lib/data/outbox';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../page-utils';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Outbox'))('title') };
}

export default async function OutboxPage() {
  const actor = await requirePageUser('/de/admin/postausgang');
  const mails = await orNotFound(listOutbox({ actor }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Outbox');
  const { dateTime: dateTimeFormat } = adminFormats(locale);
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro')}</p>
      {mails.length === 0 ? <p>{t('none')}</p> : null}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded border border-slate-300 p-3">
            <h2 className="font-semibold">{mail.subject}</h2>
            <p>
              {t('to', { to: mail.to })} · {dateTimeFormat.format(mail.createdAt)} ·{' '}
              {mail.sentAt ? t('sent', { date: dateTimeFormat.format(mail.sentAt) }) : mail.error ? t('error', { error: mail.error }) : t('notSent')}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{mail.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
