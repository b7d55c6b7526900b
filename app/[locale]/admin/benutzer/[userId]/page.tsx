import type { Metadata } from 'next';
import Link from 'next/link';
import { EntityForm } from '@/components/forms/entity-form';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { getUser } from '@/lib/data/users';
import { orNotFound } from '../../page-utils';
import { updateUserAction } from '../actions';

export const metadata: Metadata = { title: 'Benutzer bearbeiten' };

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const actor = await requirePageUser(`/de/admin/benutzer/${userId}`);
  const user = await orNotFound(getUser({ actor, id: userId }));
  const organizations = await listOrganizationOptions({ actor });
  return (
    <div>
      <p><Link href="/de/admin/benutzer" className="admin-link">Zurück zu allen Benutzern</Link></p>
      <h1 className="admin-h1">{user.name}</h1>
      <p className="mb-4">{user.email}. Änderungen an Rolle oder Aktivierung beenden die laufenden Sitzungen der Person sofort.</p>
      <EntityForm
        action={updateUserAction.bind(null, user.id)}
        formId="benutzer"
        fields={[
          { name: 'role', label: 'Rolle', type: 'select', options: [{ value: 'PARTNER', label: 'Partner' }, { value: 'ADMIN', label: 'Koordination' }] },
          { name: 'isActive', label: 'Konto aktiv', type: 'checkbox' },
          { name: 'organizationIds', label: 'Organisationen', type: 'checkboxes', options: organizations.map((o) => ({ value: o.id, label: o.name })) },
        ]}
        initialValues={{ role: user.role, isActive: user.isActive ? 'on' : '', organizationIds: user.organizationIds }}
      />
    </div>
  );
}
