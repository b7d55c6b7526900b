import type { Metadata } from 'next';
import Link from 'next/link';
import { CopyAddresses } from '@/components/admin/copy-addresses';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { listCirculars } from '@/lib/data/circulars/get-circular';
import { getDistributionListWithRecipients } from '@/lib/data/distribution-lists/get-distribution-list';
import { bccMailtoLinks, MAILTO_CHUNK_SIZE } from '@/lib/format/mailto';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { deleteDistributionListAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('DistributionLists'))('detailTitle') };
}

export default async function DistributionListPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/verteiler/${id}`);
  const { list, resolution } = await orNotFound(getDistributionListWithRecipients({ actor, id }));
  const circulars = await listCirculars({ actor, listId: id });
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'DistributionLists');
  const tc = adminTranslator(locale, 'Circulars');
  const { dateTime } = adminFormats(locale);
  const { recipients } = resolution;
  const addresses = recipients.map((r) => r.email);
  const links = bccMailtoLinks(addresses);
  const base = `/de/admin/verteiler/${id}`;
  return (
    <div>
      <p>
        <Link href="/de/admin/verteiler" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{list.name}</h1>
      <div role="status">
        {search.gespeichert ? <p className="alert-success mb-4">{t('saved')}</p> : null}
        {search.entwurfGeloescht ? <p className="alert-success mb-4">{tc('draftDeleted')}</p> : null}
      </div>
      {list.description ? <p className="mb-2 max-w-3xl">{list.description}</p> : null}
      <p className="mb-2">
        {t('summary', { recipients: recipients.length, organizations: resolution.organizationCount })} · {t(`mode${list.addressMode}`)}
        {list.addressMode === 'ROLE' && list.role ? ` „${list.role}“` : ''}
        {list.includeInternal ? ` · ${t('withInternal')}` : ` · ${t('publicOnly')}`}
      </p>
      {resolution.excludedCount ? <p className="mb-2">{t('excluded', { count: resolution.excludedCount })}</p> : null}
      <div className="mb-6 flex flex-wrap gap-2">
        <Link href={`${base}/rundschreiben/neu`} className="btn-primary">
          {t('newCircular')}
        </Link>
        <Link href={`${base}/bearbeiten`} className="btn-secondary">
          {t('edit')}
        </Link>
        <ActionButton action={deleteDistributionListAction.bind(null, id)} label={t('delete')} variant="danger" confirm={t('deleteConfirm')} />
      </div>

      <section aria-labelledby="nutzen">
        <h2 id="nutzen" className="admin-h2">
          {t('useHeading')}
        </h2>
        {recipients.length ? (
          <div className="space-y-4">
            <ul className="flex flex-wrap gap-4">
              <li>
                <a href={`${base}/csv`} className="admin-link" download>
                  {t('downloadCsv')}
                </a>
              </li>
              <li>
                <a href={`${base}/vcard`} className="admin-link" download>
                  {t('downloadVcard')}
                </a>
              </li>
            </ul>
            <CopyAddresses addresses={addresses.join('; ')} label={t('addresses')} button={t('copy')} copied={t('copied')} failed={t('copyFailed')} />
            <div>
              <p className="mb-1">{t('mailtoIntro', { size: MAILTO_CHUNK_SIZE })}</p>
              <ul className="list-disc ps-6">
                {links.map((href, index) => (
                  <li key={href}>
                    <a href={href} className="admin-link">
                      {t('mailtoLink', { part: index + 1, count: links.length, from: index * MAILTO_CHUNK_SIZE + 1, to: Math.min((index + 1) * MAILTO_CHUNK_SIZE, addresses.length) })}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : (
          <p>{t('nobody')}</p>
        )}
      </section>

      {resolution.withoutAddress.length ? (
        <section aria-labelledby="ohne-adresse">
          <h2 id="ohne-adresse" className="admin-h2">
            {t('withoutAddressHeading', { count: resolution.withoutAddress.length })}
          </h2>
          <p className="mb-2">{t('withoutAddressIntro')}</p>
          <ul className="list-disc ps-6">
            {resolution.withoutAddress.map((org) => (
              <li key={org.id}>
                <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">
                  {org.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="empfaenger">
        <h2 id="empfaenger" className="admin-h2">
          {t('recipientsHeading', { count: recipients.length })}
        </h2>
        {recipients.length ? (
          <div className="overflow-x-auto">
            <table className="admin-table">
              <caption className="sr-only">{t('recipientsHeading', { count: recipients.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('columnOrganization')}</th>
                  <th scope="col">{t('columnPerson')}</th>
                  <th scope="col">{t('columnEmail')}</th>
                  <th scope="col">{t('columnKind')}</th>
                </tr>
              </thead>
              <tbody>
                {recipients.map((r) => (
                  <tr key={r.email}>
                    <td>
                      <Link href={`/de/admin/organisationen/${r.organizationId}`} className="admin-link">
                        {r.organizationName}
                      </Link>
                    </td>
                    <td>{[r.name, r.role].filter(Boolean).join(', ') || '–'}</td>
                    <td>{r.email}</td>
                    <td>{r.kind === 'mailbox' ? t('kindMailbox') : r.visibility === 'NETWORK_INTERNAL' ? t('kindInternal') : t('kindPublic')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="rundschreiben">
        <h2 id="rundschreiben" className="admin-h2">
          {tc('title')}
        </h2>
        {circulars.length ? (
          <ul className="list-disc ps-6">
            {circulars.map((c) => (
              <li key={c.id}>
                <Link href={`/de/admin/rundschreiben/${c.id}`} className="admin-link">
                  {c.subject}
                </Link>{' '}
                – {tc(`status${c.status}`)}
                {c.queuedAt ? `, ${dateTime.format(c.queuedAt)}` : ''}
                {c.status !== 'DRAFT' ? ` · ${tc('counts', { sent: c.sentCount, total: c.recipientCount, failed: c.failedCount })}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{tc('noneForList')}</p>
        )}
      </section>
    </div>
  );
}
