import '../../admin/admin.css';
import type { Metadata } from 'next';
import { SignOutButton } from '@/components/admin/sign-out-button';

export const metadata: Metadata = { title: 'Abmelden' };

export default function SignOutPage() {
  return (
    <div className="space-y-4">
      <h1 className="admin-h1">Abmelden</h1>
      <p>Möchten Sie sich abmelden?</p>
      <SignOutButton />
    </div>
  );
}
