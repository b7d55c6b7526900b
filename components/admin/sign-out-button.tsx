'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton({ label = 'Jetzt abmelden', callbackUrl = '/de/anmelden?abgemeldet=1' }: { label?: string; callbackUrl?: string }) {
  return (
    <button type="button" className="btn-primary" onClick={() => signOut({ callbackUrl })}>
      {label}
    </button>
  );
}
