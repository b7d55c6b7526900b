import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { requirePageUser } from '@/lib/auth/session';
import { listOverdueOrganizations, REMINDER_COOLDOWN_DAYS } from '@/lib/data/verification';
import { can } from '@/lib/permissions';
import { dateFormat, orNotFound } from '../page-utils';
import { markVerifiedAction, sendAllRemindersAction, sendReminderAction } from './actions';

export const metadata: Metadata = { title: 'Aktualität der Einträge' };

function count(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : 0;
}

export default async function FreshnessPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageUser('/de/admin/aktualitaet');
  const search = await searchParams;
  const overdue = await orNotFound(listOverdueOrganizations({ actor }));
  const canRemind = can(actor, 'organization.publish');
  const sent = count(search.gesendet);
  const recently = count(search.kuerzlich);
  const noRecipient = count(search.ohneEmpfaenger);
  const hasResult = search.gesendet !== undefined;
  return (
    <div>
      <h1 className="admin-h1">Aktualität der Einträge</h1>
      <p className="mb-4">
        Veröffentlichte Einträge, deren Prüfintervall abgelaufen ist. Eine Erinnerung geht per E-Mail an die Partner*innen des Eintrags (sonst an seine
        Funktionsadresse) mit einem Link „Angaben sind noch richtig“. Innerhalb von {REMINDER_COOLDOWN_DAYS} Tagen geht an denselben Eintrag keine
        zweite Erinnerung.
      </p>
      <div role="status">
        {hasResult ? (
          <p className="alert-success mb-4">
            {sent === 1 ? '1 Erinnerung gesendet' : `${sent} Erinnerungen gesendet`}
            {recently ? `; ${recently} übersprungen (in den letzten ${REMINDER_COOLDOWN_DAYS} Tagen schon erinnert)` : ''}
            {noRecipient ? `; ${noRecipient} ohne Empfänger*in (keine Partner*innen und keine E-Mail-Adresse am Eintrag)` : ''}.
          </p>
        ) : null}
        {search.geprueft ? <p className="alert-success mb-4">Der Eintrag ist als geprüft markiert.</p> : null}
      </div>
      {canRemind && overdue.length ? (
        <div className="mb-6">
          <ActionButton
            action={sendAllRemindersAction}
            label="Allen überfälligen Einträgen eine Erinnerung senden"
            variant="primary"
            confirm={`Erinnerungen an ${overdue.length} Einträge senden (außer an kürzlich erinnerte)?`}
          />
        </div>
      ) : null}
      <h2 className="admin-h2">Überfällig: {overdue.length}</h2>
      {overdue.length ? (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Eintrag</th>
              <th scope="col">Zuletzt geprüft</th>
              <th scope="col">Prüfintervall</th>
              <th scope="col">Letzte Erinnerung</th>
              <th scope="col">Aktionen</th>
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
                  <td>{org.lastVerifiedAt ? dateFormat.format(org.lastVerifiedAt) : `nie (angelegt ${dateFormat.format(org.createdAt)})`}</td>
                  <td>{org.reviewIntervalMonths} Monate</td>
                  <td>{reminder ? `${dateFormat.format(reminder.createdAt)}${reminder.usedAt ? ' (bestätigt)' : ''}` : 'noch keine'}</td>
                  <td>
                    <div className="flex flex-wrap gap-2">
                      {canRemind ? <ActionButton action={sendReminderAction.bind(null, org.id)} label={`Erinnerung senden: ${org.name}`} /> : null}
                      {can(actor, 'organization.verify', org) ? (
                        <ActionButton action={markVerifiedAction.bind(null, org.id)} label={`Als geprüft markieren: ${org.name}`} />
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p>Alle veröffentlichten Einträge sind aktuell.</p>
      )}
    </div>
  );
}
