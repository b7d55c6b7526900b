import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listFeedback } from '@/lib/data/feedback';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound } from '../page-utils';
import { markFeedbackDoneAction, reopenFeedbackAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Feedback'))('title') };
}

const FILTERS = [
  { key: 'offen', label: 'filterOpen', status: 'OPEN' },
  { key: 'erledigt', label: 'filterDone', status: 'DONE' },
  { key: 'alle', label: 'filterAll', status: undefined },
] as const;

export default async function FeedbackPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/meldungen');
  const search = await searchParams;
  const filter = FILTERS.find((f) => f.key === search.status) ?? FILTERS[0];
  const items = await orNotFound(listFeedback({ actor, status: filter.status, take: 200 }));
  const canHandle = can(actor, 'feedback.handle');
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Feedback');
  const { dateTime: dateTimeFormat } = adminFormats(locale);
  return (
    <div>
      <h1 className="admin-h1">{t('heading')}</h1>
      <p className="mb-4">
        {t('intro')}
        {canHandle ? '' : t('partnerNote')}
      </p>
      <div role="status">
        {search.erledigt ? <p className="alert-success mb-4">{t('markedDone')}</p> : null}
        {search.geoeffnet ? <p className="alert-success mb-4">{t('reopened')}</p> : null}
      </div>
      <nav aria-label={t('filterLabel')} className="mb-4 flex flex-wrap gap-4">
        {FILTERS.map((f) => (
          <Link key={f.key} href={`/de/admin/meldungen?status=${f.key}`} className="admin-link" aria-current={f.key === filter.key ? 'page' : undefined}>
            {f.key === filter.key ? <strong>{t(f.label)}</strong> : t(f.label)}
          </Link>
        ))}
      </nav>
      <h2 className="admin-h2">
        {t(items.length === 1 ? 'countOne' : 'countMany', { filter: t(filter.label), count: items.length })}
      </h2>
      {items.length === 0 ? <p>{t('none')}</p> : null}
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
                  t('noEntry')
                )}{' '}
                – {dateTimeFormat.format(item.createdAt)} ({item.status === 'OPEN' ? t('open') : t('done')})
              </h3>
              <p className="my-2 whitespace-pre-wrap" lang={item.locale}>
                {item.message}
              </p>
              <p className="text-sm">
                {t('siteLanguage', { locale: item.locale })}
                {item.email ? (
                  <>
                    {' '}
                    · {t('replyTo')}{' '}
                    <a href={`mailto:${item.email}`} className="admin-link">
                      {item.email}
                    </a>
                  </>
                ) : (
                  t('noEmail')
                )}
              </p>
              {item.status === 'DONE' ? (
                <p className="mt-2">
                  {t('doneOn', { date: item.handledAt ? dateTimeFormat.format(item.handledAt) : '' })}
                  {item.handledBy ? t('doneBy', { name: item.handledBy.name }) : ''}
                  {item.note ? `: ${item.note}` : '.'}
                </p>
              ) : null}
              {canHandle && item.status === 'OPEN' ? (
                <div className="mt-3">
                  <EntityForm
                    action={markFeedbackDoneAction.bind(null, item.id)}
                    fields={[{ name: 'note', label: t('noteLabel'), type: 'textarea', hint: t('noteHint') }]}
                    initialValues={{ note: item.note ?? '' }}
                    formId={`meldung-${index + 1}`}
                    submitLabel={t('markDone')}
                  />
                </div>
              ) : null}
              {canHandle && item.status === 'DONE' ? (
                <div className="mt-3">
                  <ActionButton action={reopenFeedbackAction.bind(null, item.id)} label={t('reopen')} />
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
    </div>
  );
}
