import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listFeedback } from '@/lib/data/feedback';
import { can } from '@/lib/permissions';
import { dateTimeFormat, orNotFound } from '../page-utils';
import { markFeedbackDoneAction, reopenFeedbackAction } from './actions';

export const metadata: Metadata = { title: 'Meldungen' };

const FILTERS = [
  { key: 'offen', label: 'Offen', status: 'OPEN' },
  { key: 'erledigt', label: 'Erledigt', status: 'DONE' },
  { key: 'alle', label: 'Alle', status: undefined },
] as const;

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/meldungen');
  const search = await searchParams;
  const filter = FILTERS.find((f) => f.key === search.status) ?? FILTERS[0];
  const items = await orNotFound(listFeedback({ actor, status: filter.status, take: 200 }));
  const canHandle = can(actor, 'feedback.handle');
  return (
    <div>
      <h1 className="admin-h1">Meldungen von Besucher*innen</h1>
      <p className="mb-4">
        Hinweise auf Fehler in Einträgen, gesendet über „Fehler melden“ auf den Seiten der Akteure.
        {canHandle ? '' : ' Sie sehen die Meldungen zu Ihren Einträgen; die Koordinierungsstelle bearbeitet sie.'}
      </p>
      <div role="status">
        {search.erledigt ? <p className="alert-success mb-4">Die Meldung ist als erledigt markiert.</p> : null}
        {search.geoeffnet ? <p className="alert-success mb-4">Die Meldung ist wieder offen.</p> : null}
      </div>
      <nav aria-label="Meldungen filtern" className="mb-4 flex flex-wrap gap-4">
        {FILTERS.map((f) => (
          <Link key={f.key} href={`/de/admin/meldungen?status=${f.key}`} className="admin-link" aria-current={f.key === filter.key ? 'page' : undefined}>
            {f.key === filter.key ? <strong>{f.label}</strong> : f.label}
          </Link>
        ))}
      </nav>
      <h2 className="admin-h2">
        {filter.label}: {items.length} {items.length === 1 ? 'Meldung' : 'Meldungen'}
      </h2>
      {items.length === 0 ? <p>Keine Meldungen.</p> : null}
      <ol className="space-y-6">
        {items.map((item, index) => (
          <li key={item.id} className="rounded border border-slate-300 p-4">
            <article aria-labelledby={`meldung-${item.id}`}>
              <h3 id={`meldung-${item.id}`} className="font-semibold">
                {item.organization ? (
                  <Link href={`/de/admin/organisationen/${item.organization.id}`} className="admin-link">
                    {item.organization.name}
                  </Link>
                ) : (
                  'Ohne Eintrag'
                )}{' '}
                – {dateTimeFormat.format(item.createdAt)} ({item.status === 'OPEN' ? 'offen' : 'erledigt'})
              </h3>
              <p className="my-2 whitespace-pre-wrap" lang={item.locale}>
                {item.message}
              </p>
              <p className="text-sm">
                Sprache der Website: {item.locale}
                {item.email ? (
                  <>
                    {' '}
                    · Antwort an:{' '}
                    <a href={`mailto:${item.email}`} className="admin-link">
                      {item.email}
                    </a>
                  </>
                ) : (
                  ' · ohne E-Mail-Adresse'
                )}
              </p>
              {item.status === 'DONE' ? (
                <p className="mt-2">
                  Erledigt {item.handledAt ? dateTimeFormat.format(item.handledAt) : ''}
                  {item.handledBy ? ` von ${item.handledBy.name}` : ''}
                  {item.note ? `: ${item.note}` : '.'}
                </p>
              ) : null}
              {canHandle && item.status === 'OPEN' ? (
                <div className="mt-3">
                  <EntityForm
                    action={markFeedbackDoneAction.bind(null, item.id)}
                    fields={[{ name: 'note', label: 'Notiz (was wurde getan?)', type: 'textarea', hint: 'Optional; nur in der Verwaltung sichtbar.' }]}
                    initialValues={{ note: item.note ?? '' }}
                    formId={`meldung-${index + 1}`}
                    submitLabel="Als erledigt markieren"
                  />
                </div>
              ) : null}
              {canHandle && item.status === 'DONE' ? (
                <div className="mt-3">
                  <ActionButton action={reopenFeedbackAction.bind(null, item.id)} label="Wieder öffnen" />
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
