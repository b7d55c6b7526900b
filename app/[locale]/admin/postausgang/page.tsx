import type { Metadata } from 'next';
import { requirePageUser } from '@/lib/auth/session';
import { listOutbox } from '@/lib/data/outbox';
import { dateTimeFormat, orNotFound } from '../page-utils';

export const metadata: Metadata = { title: 'Postausgang' };

export default async function OutboxPage() {
  const actor = await requirePageUser('/de/admin/postausgang');
  const mails = await orNotFound(listOutbox({ actor }));
  return (
    <div>
      <h1 className="admin-h1">Postausgang</h1>
      <p className="mb-4">Alle E-Mails der Anwendung. Ohne SMTP-Einstellungen werden sie nicht verschickt, sondern nur hier angezeigt.</p>
      {mails.length === 0 ? <p>Keine E-Mails.</p> : null}
      <ol className="space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded border border-slate-300 p-3">
            <h2 className="font-semibold">{mail.subject}</h2>
            <p>
              An {mail.to} · {dateTimeFormat.format(mail.createdAt)} · {mail.sentAt ? `verschickt ${dateTimeFormat.format(mail.sentAt)}` : mail.error ? `Fehler: ${mail.error}` : 'nicht verschickt'}
            </p>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans">{mail.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
