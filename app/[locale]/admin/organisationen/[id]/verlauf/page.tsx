import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listOrganizationHistory } from '@/lib/data/audit-log';
import { presentEntry, type DiffPart } from '@/lib/audit/present';
import { isRestorableField } from '@/lib/data/history';
import { loadHistoryNames } from '@/lib/data/history-names';
import { adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { restoreFieldAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('History'))('title') };
}

// Long texts: the old value with the removed words marked, the new one with the added words marked.
function Words({ parts, keep, label }: { parts: DiffPart[]; keep: 'removed' | 'added'; label: string }) {
  return (
    <>
      {parts
        .filter((part) => part.change === 'same' || part.change === keep)
        .map((part, index) =>
          part.change === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : keep === 'removed' ? (
            <del key={index} className="bg-red-100 text-red-900"><span className="sr-only">[{label} </span>{part.text}<span className="sr-only">]</span></del>
          ) : (
            <ins key={index} className="bg-green-100 text-green-900"><span className="sr-only">[{label} </span>{part.text}<span className="sr-only">]</span></ins>
          ),
        )}
    </>
  );
}

export default async function HistoryPage({ params, searchParams }: AdminPageProps<{ id: string }>) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/verlauf`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const history = await orNotFound(listOrganizationHistory({ actor, organizationId: id }));
  const canRestore = can(actor, 'audit.restore');
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'History');
  const names = await loadHistoryNames(locale, history);
  const versions = new Map<string, number>([
    [org.id, org.version],
    ...org.services.map((s) => [s.id, s.version] as [string, number]),
    ...org.locations.map((l) => [l.id, l.version] as [string, number]),
    ...org.contacts.map((c) => [c.id, c.version] as [string, number]),
  ]);
  return (
    <div>
      <p><Link href={`/de/admin/organisationen/${id}`} className="admin-link">{t('back', { name: org.name })}</Link></p>
      <h1 className="admin-h1">{t('heading', { name: org.name })}</h1>
      <div role="status">{search.wiederhergestellt ? <p className="alert-success mb-4">{t('restored')}</p> : null}</div>
      <ol className="space-y-4">
        {history.map((entry) => {
          const shown = presentEntry(locale, entry, names);
          const changes = shown.changes;
          return (
            <li key={entry.id} className="rounded border border-slate-300 p-3">
              <p>
                <strong><time dateTime={entry.createdAt.toISOString()}>{shown.at}</time></strong> · {entry.actorName} · {shown.subject} {shown.action}
                {entry.entityType === 'ChangeRequest' ? (
                  <>
                    {' '}
                    · <Link href={`/de/admin/aenderungen/${entry.entityId}`} className="admin-link">{t('viewProposal')}</Link>
                  </>
                ) : null}
              </p>
              {changes.length ? (
                <table className="admin-table mt-2">
                  <caption className="sr-only">{t('changedFields')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field')}</th>
                      <th scope="col">{t('before')}</th>
                      <th scope="col">{t('after')}</th>
                      {canRestore && entry.action === 'UPDATE' ? <th scope="col"><span className="sr-only">{t('action')}</span></th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {changes.map(({ field, label: fieldName, before, after, words }) => {
                      const version = versions.get(entry.entityId);
                      return (
                        <tr key={field}>
                          <th scope="row" className="font-normal">{fieldName}</th>
                          <td>{words ? <Words parts={words} keep="removed" label={t('wordsRemoved')} /> : <del className="text-red-800">{before}</del>}</td>
                          <td>{words ? <Words parts={words} keep="added" label={t('wordsAdded')} /> : <ins className="text-green-800">{after}</ins>}</td>
                          {canRestore && entry.action === 'UPDATE' ? (
                            <td>
                              {isRestorableField(entry.entityType, field) && version ? (
                                <ActionButton action={restoreFieldAction} label={t('restore', { label: fieldName })} hidden={{ auditId: entry.id, field, version: String(version) }} />
                              ) : null}
                            </td>
                          ) : null}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
