import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/admin/action-form';
import { ImportMappingForm } from '@/components/admin/import-mapping-form';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import type { RowPlan } from '@/lib/data/import/build-import-plan';
import { getImportSession } from '@/lib/data/import/import-sessions';
import { previewImport } from '@/lib/data/import/preview-import';
import type { ImportResult } from '@/lib/data/import/run-import';
import { IMPORT_FIELDS } from '@/lib/import/fields';
import { adminTranslator, getAdminLocale, getAdminT, serverMessagePairs, type AdminT } from '@/lib/i18n/admin';
import { translateMessage } from '@/lib/i18n/admin-translate';
import { orNotFound } from '../../page-utils';
import { deleteImportAction, runImportAction, saveImportMappingAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Import'))('sessionTitle') };
}

function childText(t: AdminT<'Import'>, child: RowPlan['service']): string {
  if (!child) return '–';
  const action = child.sameAsRow ? t('sameAsRow', { row: child.sameAsRow }) : child.action === 'create' ? t('actionCreate') : t('actionUpdate');
  return `${child.label} (${action})`;
}

export default async function ImportSessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/import/${id}`);
  const session = await orNotFound(getImportSession({ actor, id }));
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Import');
  const fieldLabel = adminTranslator(locale, 'ImportFields');
  const tr = (text: string) => translateMessage(text, serverMessagePairs(locale));

  if (session.status === 'IMPORTED') {
    const result = (session.result ?? {}) as Partial<ImportResult>;
    return (
      <div>
        <p>
          <Link href="/de/admin/import" className="admin-link">
            {t('back')}
          </Link>
        </p>
        <h1 className="admin-h1">{t('sessionTitle')}: {session.filename}</h1>
        <div role="status">
          <p className="alert-success mb-4">{search.importiert ? t('imported') : t('alreadyImported')}</p>
        </div>
        <ul className="list-disc ps-6">
          <li>{t('resultOrganizations', { created: result.organizationsCreated ?? 0, updated: result.organizationsUpdated ?? 0 })}</li>
          <li>{t('resultServices', { created: result.servicesCreated ?? 0, updated: result.servicesUpdated ?? 0 })}</li>
          <li>{t('resultLocations', { created: result.locationsCreated ?? 0, updated: result.locationsUpdated ?? 0 })}</li>
          <li>{t('resultContacts', { created: result.contactsCreated ?? 0, updated: result.contactsUpdated ?? 0 })}</li>
        </ul>
        <p className="mt-4">
          <Link href="/de/admin/organisationen?sort=updatedAt" className="admin-link">
            {t('toEntries')}
          </Link>
        </p>
      </div>
    );
  }

  const { plan } = await previewImport({ actor, id });
  const columns = session.headers.map((header, index) => ({
    index,
    header,
    samples: [...new Set(session.rows.map((row) => row[index]).filter(Boolean))].slice(0, 3).map((v) => (v.length > 40 ? `${v.slice(0, 40)}…` : v)),
    value: session.mapping[String(index)] ?? '',
  }));
  const groups = (['organization', 'service', 'location', 'contact'] as const).map((group) => ({
    group: t(`group-${group}`),
    items: IMPORT_FIELDS.filter((f) => f.group === group).map((f) => ({ value: f.key, label: fieldLabel(f.key) })),
  }));
  const errors = plan.rows.flatMap((row) => row.errors.map((error) => ({ row: row.row, ...error })));
  const s = plan.summary;
  return (
    <div>
      <p>
        <Link href="/de/admin/import" className="admin-link">
          {t('back')}
        </Link>
      </p>
      <h1 className="admin-h1">{t('sessionTitle')}: {session.filename}</h1>
      <div role="status">{search.zuordnung ? <p className="alert-success mb-4">{t('mappingSaved')}</p> : null}</div>
      <p className="mb-4">
        {t('fileInfo', { rows: session.rows.length, columns: session.headers.length, format: session.format.toUpperCase() })}
        {session.encoding ? ` · ${session.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}` : ''}
        {session.delimiter ? ` · ${t('delimiter', { delimiter: session.delimiter === '\t' ? 'Tab' : session.delimiter })}` : ''}
      </p>

      <section aria-labelledby="zuordnung">
        <h2 id="zuordnung" className="admin-h2">
          {t('mappingHeading')}
        </h2>
        <p className="mb-3 max-w-3xl">{t('mappingIntro')}</p>
        <ImportMappingForm
          action={saveImportMappingAction.bind(null, id)}
          columns={columns}
          options={groups}
          texts={{ caption: t('mappingHeading'), column: t('columnColumn'), samples: t('columnSamples'), field: t('columnField'), ignore: t('ignore'), submit: t('saveMapping') }}
        />
      </section>

      <section aria-labelledby="vorschau">
        <h2 id="vorschau" className="admin-h2">
          {t('previewHeading')}
        </h2>
        <ul className="mb-3 list-disc ps-6">
          <li>{t('resultOrganizations', { created: s.organizationsCreated, updated: s.organizationsUpdated })}</li>
          <li>{t('resultServices', { created: s.servicesCreated, updated: s.servicesUpdated })}</li>
          <li>{t('resultLocations', { created: s.locationsCreated, updated: s.locationsUpdated })}</li>
          <li>{t('resultContacts', { created: s.contactsCreated, updated: s.contactsUpdated })}</li>
          <li>{t('duplicatesCount', { count: s.rowsWithDuplicates })}</li>
        </ul>
        {errors.length ? (
          <div className="alert-error mb-4">
            <p className="font-semibold">{t('errorsIntro', { count: errors.length, rows: s.rowsWithErrors })}</p>
            <ul className="list-disc ps-6">
              {errors.map((error, index) => (
                <li key={index}>{t('errorLine', { row: error.row, column: error.column, message: tr(error.message) })}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="alert-success mb-4">{t('noErrors', { rows: s.rows })}</p>
        )}
        <div className="overflow-x-auto">
          <table className="admin-table text-sm">
            <caption className="sr-only">{t('previewHeading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columnRow')}</th>
                <th scope="col">{t('columnOrganization')}</th>
                <th scope="col">{t('columnService')}</th>
                <th scope="col">{t('columnLocation')}</th>
                <th scope="col">{t('columnContact')}</th>
                <th scope="col">{t('columnNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((row) => (
                <tr key={row.row}>
                  <th scope="row">{row.row}</th>
                  <td>
                    {row.organizationName || '–'} ({row.organizationAction === 'create' ? t('actionCreate') : t('actionUpdate')})
                  </td>
                  <td>{childText(t, row.service)}</td>
                  <td>{childText(t, row.location)}</td>
                  <td>{childText(t, row.contact)}</td>
                  <td>
                    {row.errors.map((error, index) => (
                      <p key={index} className="field-error">
                        {error.column}: {tr(error.message)}
                      </p>
                    ))}
                    {row.duplicates.map((dup, index) =>
                      dup.reason === 'file' ? (
                        <p key={index}>{t('duplicateInFile', { row: dup.row })}</p>
                      ) : (
                        <p key={index}>
                          {dup.reason === 'name' ? t('duplicateName') : t('duplicateAddress')}{' '}
                          <Link href={`/de/admin/organisationen/${dup.id}`} className="admin-link">
                            {dup.name}
                          </Link>
                        </p>
                      ),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="importieren">
        <h2 id="importieren" className="admin-h2">
          {t('confirmHeading')}
        </h2>
        <p className="mb-3 max-w-3xl">{errors.length ? t('fixFirst') : t('confirmIntro', { rows: s.rows })}</p>
        <ActionForm action={runImportAction.bind(null, id)} label={t('confirm', { rows: s.rows })} disabled={errors.length > 0 || s.rows === 0}>
          <div className="flex items-center gap-2">
            <input id="import-publish" type="checkbox" name="publish" className="size-5" />
            <label htmlFor="import-publish">{t('publishNew')}</label>
          </div>
        </ActionForm>
        <div className="mt-6">
          <ActionButton action={deleteImportAction.bind(null, id)} label={t('discard')} variant="danger" confirm={t('discardConfirm')} />
        </div>
      </section>
    </div>
  );
}
