import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePageUser } from '@/lib/auth/session';
import { getAdminOrganization } from '@/lib/data/admin-organizations';
import { orNotFound } from '../../../../../../page-utils';

export const metadata: Metadata = { title: 'Kontaktperson gelöscht' };

export default async function ContactErasedPage({ params }: { params: Promise<{ id: string; contactId: string }> }) {
  const { id, contactId } = await params;
  const actor = await requirePageUser(`/de/admin/organisationen/${id}/kontakte/${contactId}/datenschutz/geloescht`);
  const org = await orNotFound(getAdminOrganization({ actor, id }));
  return (
    <div>
      <h1 className="admin-h1">Kontaktperson gelöscht</h1>
      <p role="status" className="alert-success mb-4">
        Alle Daten der Person sind gelöscht. Der Verlauf hält nur fest, dass und von wem gelöscht wurde.
      </p>
      <p>
        <Link href={`/de/admin/organisationen/${id}#kontakte`} className="admin-link">
          Zurück zu {org.name}
        </Link>
      </p>
    </div>
  );
}
