import '../../../admin/admin.css';
import type { Metadata } from 'next';
import Link from 'next/link';
import { inspectVerificationToken } from '@/lib/data/verification';
import { confirmVerificationAction } from './actions';

export const metadata: Metadata = { title: 'Eintrag bestätigen', referrer: 'no-referrer', robots: { index: false } };

const REFUSALS: Record<string, string> = {
  invalid: 'Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig aus der E-Mail übernommen haben.',
  expired: 'Dieser Link ist abgelaufen. Die Koordinierungsstelle schickt Ihnen gern einen neuen.',
  used: 'Dieser Link wurde schon verwendet. Jeder Link gilt nur einmal.',
};

// Opening the page changes nothing (mail scanners open links too); only the button confirms.
export default async function ConfirmEntryPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ ergebnis?: string }>;
}) {
  const { token } = await params;
  const { ergebnis } = await searchParams;
  if (ergebnis === 'confirmed') {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="admin-h1">Vielen Dank!</h1>
        <p className="alert-success" role="status">
          Der Eintrag ist bestätigt. Das neue Datum „Stand“ ist ab sofort öffentlich sichtbar.
        </p>
      </div>
    );
  }
  const state = await inspectVerificationToken({ token });
  if (state.status !== 'valid') {
    return (
      <div className="max-w-xl space-y-4">
        <h1 className="admin-h1">Eintrag bestätigen</h1>
        <p className="alert-error" role="alert">
          {REFUSALS[state.status]}
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-xl space-y-4">
      <h1 className="admin-h1">Ist der Eintrag noch richtig?</h1>
      <p>
        Eintrag: <strong>{state.organizationName}</strong>
      </p>
      <form action={confirmVerificationAction}>
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="btn-primary">
          Ja, alle Angaben stimmen noch
        </button>
      </form>
      <p>
        Etwas hat sich geändert?{' '}
        <Link href={`/de/admin/organisationen/${state.organizationId}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
          Anmelden und den Eintrag bearbeiten
        </Link>
      </p>
    </div>
  );
}
