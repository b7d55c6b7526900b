import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { getAdminContact } from '@/lib/data/contacts';
import { can } from '@/lib/permissions';
import { dateTimeFormat, orNotFound } from '../../../../../page-utils';
import { eraseContactAction, withdrawConsentAction } from './actions';

export const metadata: Metadata = { title: 'Datenschutz: Kontaktperson' };

export default async function ContactPrivacyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; contactId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id, contactId } = await params;
  const search = await searchParams;
  const base = `/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz`;
  const actor = await requirePageUser(base);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  const contact = await orNotFound(getAdminContact({ actor, id: contactId }));
  if (contact.organizationId !== org.id) notFound();
  const canWithdraw = can(actor, 'organization.propose', org);
  const isCoordinator = can(actor, 'contact.exportPersonalData');
  const label = contact.name ? `${contact.role} (${contact.name})` : contact.role;
  const isConfirming = search.schritt === 'loeschen' && isCoordinator;
  return (
    <div>
      <p>
        <Link href={`/de/admin/organisationen/${id}/kontakte/${contactId}`} className="admin-link">
          Zurück zur Kontaktperson
        </Link>
      </p>
      <h1 className="admin-h1">Datenschutz: {label}</h1>
      <div role="status">{search.widerrufen ? <p className="alert-success mb-4">Die Einwilligung ist widerrufen. Die Person erscheint nicht mehr öffentlich.</p> : null}</div>
      <p className="mb-4">Eintrag: {org.name}</p>

      <section aria-labelledby="einwilligung">
        <h2 id="einwilligung" className="admin-h2">Einwilligung</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Sichtbarkeit</dt>
          <dd>{contact.visibility === 'PUBLIC' ? 'öffentlich (mit Einwilligung)' : 'nur im Netzwerk'}</dd>
          <dt className="font-semibold">Erteilt am</dt>
          <dd>{contact.consentGivenAt ? dateTimeFormat.format(contact.consentGivenAt) : 'keine Einwilligung erfasst'}</dd>
          <dt className="font-semibold">Umfang</dt>
          <dd>{contact.consentScope ?? '–'}</dd>
          <dt className="font-semibold">Widerrufen am</dt>
          <dd>{contact.consentWithdrawnAt ? dateTimeFormat.format(contact.consentWithdrawnAt) : 'nicht widerrufen'}</dd>
        </dl>
        {canWithdraw && !contact.consentWithdrawnAt ? (
          <div className="mt-4">
            <p className="mb-2">Nach dem Widerruf erscheint die Person sofort nicht mehr auf der Website und in den Exporten. Die Daten bleiben für das Netzwerk gespeichert.</p>
            <ActionButton
              action={withdrawConsentAction.bind(null, id, contactId)}
              label="Einwilligung widerrufen"
              variant="danger"
              confirm="Einwilligung dieser Person wirklich widerrufen?"
            />
          </div>
        ) : null}
      </section>

      {isCoordinator ? (
        <section aria-labelledby="auskunft">
          <h2 id="auskunft" className="admin-h2">Auskunft (Art. 15 DSGVO)</h2>
          <p className="mb-2">Alles, was über diese Person gespeichert ist, einschließlich Verlauf und Änderungsvorschlägen, als JSON-Datei.</p>
          <a href={`${base}/export`} className="btn-secondary" download>
            Gespeicherte Daten herunterladen (JSON)
          </a>
        </section>
      ) : null}

      {isCoordinator ? (
        <section aria-labelledby="loeschung">
          <h2 id="loeschung" className="admin-h2">Löschung (Art. 17 DSGVO)</h2>
          <p className="mb-2">
            Löscht die Person mit allen Angaben endgültig, auch aus dem Verlauf und aus Änderungsvorschlägen. Der Verlauf hält nur fest, dass gelöscht
            wurde. Das lässt sich nicht rückgängig machen.
          </p>
          {isConfirming ? (
            <div className="alert-error space-y-4">
              <p>
                <strong>Letzter Schritt:</strong> Bitte bestätigen Sie die endgültige Löschung von „{label}“.
              </p>
              <EntityForm
                action={eraseContactAction.bind(null, id, contactId)}
                fields={[{ name: 'confirm', label: 'Ja, alle Daten dieser Person endgültig löschen.', type: 'checkbox' }]}
                initialValues={{}}
                formId="loeschen"
                submitLabel="Endgültig löschen"
              />
              <p>
                <Link href={base} className="admin-link">
                  Abbrechen
                </Link>
              </p>
            </div>
          ) : (
            <Link href={`${base}?schritt=loeschen#loeschung`} className="btn-danger">
              Person löschen …
            </Link>
          )}
        </section>
      ) : null}
    </div>
  );
}
