import '../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/admin/sign-in-form';
import { getCurrentUser } from '@/lib/auth/session';
import { rateLimitMessage } from '@/lib/auth/rate-limit';

export const metadata: Metadata = { title: 'Anmelden' };

// Only known codes become text: the query string is attacker-controlled.
function errorText(code: string | undefined): string | null {
  if (!code) return null;
  const limited = /^RateLimited:(\d{10,15})$/.exec(code);
  if (limited) return rateLimitMessage(new Date(Number(limited[1])));
  if (code === 'CredentialsSignin' || code === 'SignInFailed') return 'E-Mail-Adresse oder Passwort ist falsch.';
  if (code === 'SessionRequired') return 'Bitte melden Sie sich an.';
  return 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.';
}

function safeCallback(value: string | undefined): string {
  return value && /^\/de\/admin(\/[\w\-/?=&%.]*)?$/.test(value) ? value : '/de/admin';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const search = await searchParams;
  const callbackUrl = safeCallback(search.callbackUrl);
  if (!search.error && (await getCurrentUser())) redirect(callbackUrl);
  return (
    <div className="space-y-6">
      <h1 className="admin-h1">Anmelden</h1>
      <div role="status">
        {search.abgemeldet ? <p className="alert-success">Sie sind abgemeldet.</p> : null}
        {search.passwort ? <p className="alert-success">Ihr Passwort ist gespeichert. Bitte melden Sie sich an.</p> : null}
        {search.einladung ? <p className="alert-success">Ihr Konto ist eingerichtet. Bitte melden Sie sich an.</p> : null}
      </div>
      <SignInForm callbackUrl={callbackUrl} error={errorText(search.error)} />
      <p>
        <Link href="/de/passwort-vergessen" className="admin-link">
          Passwort vergessen?
        </Link>
      </p>
    </div>
  );
}
