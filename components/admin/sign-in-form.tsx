'use client';
// Posts straight to next-auth's credentials callback (fields `email` and `password`), so the
// standard /api/auth routes handle the session; only the CSRF token needs JavaScript.
import { getCsrfToken } from 'next-auth/react';
import { useEffect, useState } from 'react';

export interface SignInTexts {
  email: string;
  password: string;
  submit: string;
}

const GERMAN: SignInTexts = { email: 'E-Mail-Adresse', password: 'Passwort', submit: 'Anmelden' };

export function SignInForm({ callbackUrl, error, texts = GERMAN }: { callbackUrl: string; error: string | null; texts?: SignInTexts }) {
  const [csrfToken, setCsrfToken] = useState('');
  useEffect(() => {
    getCsrfToken().then((token) => setCsrfToken(token ?? ''));
  }, []);
  return (
    <form method="post" action="/api/auth/callback/credentials" className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error ? (
        <p role="alert" id="sign-in-error" className="alert-error">
          {error}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="email" className="field-label">
          {texts.email}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="input" aria-invalid={error ? true : undefined} aria-describedby={error ? 'sign-in-error' : undefined} />
      </div>
      <div className="field">
        <label htmlFor="password" className="field-label">
          {texts.password}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="input" aria-invalid={error ? true : undefined} aria-describedby={error ? 'sign-in-error' : undefined} />
      </div>
      <button type="submit" className="btn-primary" disabled={!csrfToken}>
        {texts.submit}
      </button>
    </form>
  );
}
