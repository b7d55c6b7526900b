'use client';
import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button type="button" className="btn-primary" onClick={() => signOut({ callbackUrl: '/de/anmelden?abgemeldet=1' })}>
      Jetzt abmelden
    </button>
  );
}
