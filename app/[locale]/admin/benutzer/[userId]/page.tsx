import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionButton } from '@/components/forms/action-button';
import { EntityForm } from '@/components/forms/entity-form';
import { userFields } from '../user-fields';
import { requirePageUser } from '@/lib/auth/session';
import { listOrganizationOptions } from '@/lib/data/admin-organizations';
import { getUser } from '@/lib/data/users';
import { getAdminT } from '@/lib/i18n/admin';
import { orNotFound } from '../../page-utils';
import { resetSecondFactorAction, updateUserAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getAdminT('Users'))('editTitle') };
}

export default async function UserPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { userId } = await params;
  const search = await searchParams;
  const actor = await requirePageUser(`/de/admin/benutzer/${userId}`);
  const user = await orNotFound(getUser({ actor, id: userId }));
  const organizations = await listOrganizationOptions({ actor });
  const t = await getAdminT('Users');
  const s = await getAdminT('AccountSecurity');
  return (
    <div>
      <p><Link href="/de/admin/benutzer" className="admin-link">{t('back')}</Link></p>
      <h1 className="admin-h1">{user.name}</h1>
      <p className="mb-4">{t('editIntro', { email: user.email })}</p>
      <EntityForm
        action={updateUserAction.bind(null, user.id)}
        formId="benutzer"
        fields={userFields({ organizations: organizations.map((o) => ({ value: o.id, label: o.name })) }, t)}
        initialValues={{ role: user.role, isActive: user.isActive ? 'on' : '', organizationIds: user.organizationIds }}
      />
      <section aria-labelledby="zwei-faktor" className="mt-8 space-y-3">
        <h2 id="zwei-faktor" className="admin-h2">
          {s('secondFactorHeading')}
        </h2>
        <div role="status">{search.zurueckgesetzt ? <p className="alert-success">{s('resetDone')}</p> : null}</div>
        <p>{user.totpEnabledAt ? s('userSecondFactorOn') : s('userSecondFactorOff')}</p>
        {user.totpEnabledAt && user.id !== actor.id ? (
          <>
            <p>{s('resetIntro')}</p>
            <ActionButton action={resetSecondFactorAction.bind(null, user.id)} label={s('resetSecondFactor', { name: user.name })} variant="danger" confirm={s('resetConfirm', { name: user.name })} />
          </>
        ) : null}
      </section>
    </div>
  );
}
