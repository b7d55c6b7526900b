import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { listOverdueOrganizations, REMINDER_COOLDOWN_DAYS } from '@/lib/data/verification';
import { adminFormats, adminTranslator, getAdminLocale, getAdminT } from '@/lib/i18n/admin';
import { can } from '@/lib/permissions';
import { orNotFound } from '../page-utils';
import { markVerifiedAction, sendAllRemindersAction, sendReminderAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Freshness'))('title') };
}

function count(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

export default async function FreshnessPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/aktualitaet');
  const search = await searchParams;
  const overdue = await orNotFound(listOverdueOrganizations({ actor }));
  const canRemind = can(actor, 'verification.sendReminders');
  const sent = count(search.gesendet);
  const recently = count(search.kuerzlich);
  const noRecipient = count(search.ohneEmpfaenger);
  const hasResult = search.gesendet !== undefined;
  const locale = await getAdminLocale();
  const t = adminTranslator(locale, 'Freshness');
  const { date: dateFormat } = adminFormats(locale);
  return (
    <div>
      <h1 className="admin-h1">{t('title')}</h1>
      <p className="mb-4">{t('intro', { days: REMINDER_COOLDOWN_DAYS })}</p>
      <div role="status">
        {hasResult ? (
          <p className="alert-success mb-4">
            {sent === 1 ? t('sentOne') : t('sentMany', { count: sent })}
            {recently ? t('skipped', { count: recently, days: REMINDER_COOLDOWN_DAYS }) : ''}
            {noRecipient ? t('noRecipient', { count: noRecipient }) : ''}.
          </p>
        ) : null}
        {search.geprueft ? <p className="alert-success mb-4">{t('verified')}</p> : null}
      </div>
      {canRemind && overdue.length ? (
        <div className="mb-6">
          <ActionButton
            action={sendAllRemindersAction}
            label={t('remindAll')}
            variant="primary"
            confirm={t('remindAllConfirm', { count: overdue.length })}
          />
        </div>
      ) : null}
      <h2 className="admin-h2">{t('overdue', { count: overdue.length })}</h2>
      {overdue.length ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('entry')}</th>
              <th scope="col">{t('lastVerified')}</th>
              <th scope="col">{t('interval')}</th>
              <th scope="col">{t('lastReminder')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {overdue.map((org) => {
              const reminder = org.verificationRequests[0];
              return (
                <tr key={org.id}>
                  <td>
                    <Link href={`/de/admin/organisationen/${org.id}`} className="admin-link">
                      {org.name}
                    </Link>
                  </td>
                  <td>{org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : t('never', { date: dateFormat.format(org.createdAt) })}</td>
                  <td>{t('months', { count: org.reviewIntervalMonths })}</td>
                  <td>{reminder ? `${dateFormat.format(reminder.createdAt)}${reminder.usedAt ? t('confirmed') : ''}` : t('noReminder')}</td>
                  <td>
                    <div className="flex flex-wrap gap-2">
                      {canRemind ? <ActionButton action={sendReminderAction.bind(null, org.id)} label={t('remind', { name: org.name })} /> : null}
                      {can(actor, 'organization.verify', org) ? (
                        <ActionButton action={markVerifiedAction.bind(null, org.id)} label={t('markVerified', { name: org.name })} />
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>{t('allFresh')}</p>
      )}
    </div>
  );
}
