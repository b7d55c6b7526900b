import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { listOrganizationHistory } from '@/lib/data/audit-log';
import { TRANSLATION_AUDIT_ENTITY } from '@/lib/data/content-translations';
import { isRestorableField } from '@/lib/data/history';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT, labelTranslator, type AdminT } from '@/lib/i18n/admin';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { FIELD_LABEL_KEYS, fieldLabel as entityFieldLabel } from '@/lib/i18n/field-labels';
import { can } from '@/lib/permissions';
import { TRANSLATION_LOCALE_LABELS, TRANSLATABLE_FIELDS, translationLocaleSchema, type TranslationLocale } from '@/lib/schemas/content-translation';
import { orNotFound, type AdminPageProps } from '../../../page-utils';
import { restoreFieldAction } from '../../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('History'))('title') };
}

type HistoryT = AdminT<'History'>;

const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'PUBLISH', 'UNPUBLISH', 'ARCHIVE', 'VERIFY', 'APPROVE', 'REJECT', 'ERASE'] as const;
const CHANGE_REQUEST_ACTIONS = ['CREATE', 'UPDATE', 'APPROVE', 'REJECT'] as const;
const ENTITIES = ['Organization', 'Service', 'Location', 'ContactPerson', 'Schedule', 'ScheduleException', 'Invitation', 'ChangeRequest'] as const;
// Fields outside the entities' own label maps (trusted flag, change requests).
const EXTRA_FIELDS = ['isTrusted', 'status', 'entityType', 'action', 'reviewComment', 'isEdited', 'revokedAt'] as const;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

// The German label of a translated field: the first entity that has a field of that name.
const TRANSLATION_FIELD_LABELS = new Map<string, string>();
for (const specs of Object.values(TRANSLATABLE_FIELDS)) for (const spec of specs) if (!TRANSLATION_FIELD_LABELS.has(spec.name)) TRANSLATION_FIELD_LABELS.set(spec.name, spec.label);

function actionLabel(t: HistoryT, entityType: string, action: string): string {
  if (entityType === 'ChangeRequest') return isOneOf(CHANGE_REQUEST_ACTIONS, action) ? t(`changeRequestActions.${action}`) : action;
  if (entityType === 'Invitation' && action === 'DELETE') return t('revoked');
  return isOneOf(ACTIONS, action) ? t(`actions.${action}`) : action;
}

// Audit keys of translations are "<field>.<locale>" (the text) and "<field>.<locale>.status".
function translationFieldLabel(t: HistoryT, label: (german: string) => string, key: string): string {
  const [field, locale, status] = key.split('.');
  const german = TRANSLATION_FIELD_LABELS.get(field);
  if (!german || !translationLocaleSchema.safeParse(locale).success) return key;
  const values = { field: label(german), language: label(TRANSLATION_LOCALE_LABELS[locale as TranslationLocale]) };
  return status === 'status' ? t('translationStatus', values) : `${values.field} (${values.language})`;
}

function fieldLabel(t: HistoryT, label: (german: string) => string, locale: AdminLocale, entityType: string, field: string): string {
  if (entityType === TRANSLATION_AUDIT_ENTITY) return translationFieldLabel(t, label, field);
  if (FIELD_LABEL_KEYS[entityType]?.[field]) return entityFieldLabel(locale, entityType, field);
  return isOneOf(EXTRA_FIELDS, field) ? t(`extra.${field}`) : field;
}

function show(t: HistoryT, label: (german: string) => string, weekday: (day: number) => string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('empty');
  // Weekly slots record the day as its number.
  if (field === 'weekday' && typeof value === 'number' && value >= 1 && value <= 7) return weekday(value);
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (Array.isArray(value)) return value.length ? value.join(', ') : t('empty');
  // Translation states are stored in German ("veraltet", "aktuell").
  if (value === 'veraltet' || value === 'aktuell') return label(value);
  return String(value);
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
  const entities = adminTranslator(locale, 'Entities');
  const label = labelTranslator(locale);
  const fieldsT = adminTranslator(locale, 'Fields');
  const weekday = (day: number) => fieldsT(`weekdays.${day as 1}`);
  const { dateTime: dateTimeFormat } = adminFormats(locale);
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
          const changes = Object.entries(entry.changes).filter(([field]) => field !== 'version');
          return (
            <li key={entry.id} className="rounded border border-slate-300 p-3">
              <p>
                <strong>{dateTimeFormat.format(entry.createdAt)}</strong> · {entry.actorName} · {isOneOf(ENTITIES, entry.entityType) ? entities(entry.entityType) : entry.entityType === TRANSLATION_AUDIT_ENTITY ? t('translation') : entry.entityType}{' '}
                {actionLabel(t, entry.entityType, entry.action)}
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
                    {changes.map(([field, change]) => {
                      const fieldName = fieldLabel(t, label, locale, entry.entityType, field);
                      const version = versions.get(entry.entityId);
                      return (
                        <tr key={field}>
                          <td>{fieldName}</td>
                          <td><del className="text-red-800">{show(t, label, weekday, field, change.before)}</del></td>
                          <td><ins className="text-green-800">{show(t, label, weekday, field, change.after)}</ins></td>
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
