'use client';
// Signs in through next-auth's credentials callback (fields `email`, `password`, `code`) without
// leaving the page, so that an account with a second factor is asked for its code while e-mail
// address and password stay in the form. next-auth needs a CSRF token fetched in the browser, so
// signing in needs JavaScript (the button stays disabled until the token is there).
import { getCsrfToken, signIn } from 'next-auth/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';

export interface SignInTexts {
  email: string;
  password: string;
  submit: string;
  code: string;
  codeHint: string;
  codeRequired: string;
  codeInvalid: string;
  wrongCredentials: string;
  failed: string;
  rateLimited: string;
  pending: string;
}

const GERMAN: SignInTexts = {
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  submit: 'Anmelden',
  code: 'Code aus der Authenticator-App',
  codeHint: 'Sechs Ziffern aus der App. Ohne Telefon: einen Ihrer Wiederherstellungscodes.',
  codeRequired: 'Bitte geben Sie den Code aus Ihrer Authenticator-App ein.',
  codeInvalid: 'Der Code stimmt nicht. Bitte nehmen Sie den aktuellen Code aus der App.',
  wrongCredentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  failed: 'Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.',
  rateLimited: 'Zu viele Versuche. Bitte versuchen Sie es um {time} Uhr erneut.',
  pending: 'Anmeldung läuft …',
};

function formatRetry(code: string, template: string, locale: string): string | null {
  const match = /^RateLimited:(\d{10,15})$/.exec(code);
  if (!match) return null;
  const at = new Date(Math.ceil(Number(match[1]) / 60_000) * 60_000);
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(at);
  return template.replace('{time}', time);
}

export function SignInForm({ callbackUrl, error, texts = GERMAN, locale = 'de' }: { callbackUrl: string; error: string | null; texts?: SignInTexts; locale?: string }) {
  const [csrfToken, setCsrfToken] = useState('');
  const [message, setMessage] = useState<string | null>(error);
  const [needsCode, setNeedsCode] = useState(false);
  const [isPending, setIsPending] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    getCsrfToken().then((token) => setCsrfToken(token ?? ''));
  }, []);
  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsPending(true);
    const result = await signIn('credentials', {
      redirect: false,
      callbackUrl,
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
      code: String(form.get('code') ?? ''),
    }).catch(() => undefined);
    if (result?.ok && !result.error && result.url) {
      // A full page load: the admin area renders with the new session from the server.
      window.location.assign(result.url);
      return;
    }
    setIsPending(false);
    const code = result?.error ?? 'SignInFailed';
    if (code === 'CodeRequired') {
      setNeedsCode(true);
      setMessage(texts.codeRequired);
    } else if (code === 'CodeInvalid') {
      setNeedsCode(true);
      setMessage(texts.codeInvalid);
      if (codeRef.current) codeRef.current.value = '';
      codeRef.current?.focus();
    } else {
      setMessage(formatRetry(code, texts.rateLimited, locale) ?? (code === 'SignInFailed' || code === 'CredentialsSignin' ? texts.wrongCredentials : texts.failed));
    }
  }

  const describedBy = message ? 'sign-in-error' : undefined;
  return (
    <form method="post" action="/api/auth/callback/credentials" className="max-w-md space-y-4" noValidate onSubmit={onSubmit}>
      <input type="hidden" name="csrfToken" value={csrfToken} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div role="alert" aria-live="assertive">
        {message ? (
          <p id="sign-in-error" className="alert-error">
            {message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="email" className="field-label">
          {texts.email}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required readOnly={needsCode} className="input" aria-invalid={message && !needsCode ? true : undefined} aria-describedby={needsCode ? undefined : describedBy} />
      </div>
      <div className="field">
        <label htmlFor="password" className="field-label">
          {texts.password}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required readOnly={needsCode} className="input" aria-invalid={message && !needsCode ? true : undefined} aria-describedby={needsCode ? undefined : describedBy} />
      </div>
      {needsCode ? (
        <div className="field">
          <label htmlFor="code" className="field-label">
            {texts.code}
          </label>
          <input
            ref={codeRef}
            id="code"
            name="code"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={40}
            required
            className="input"
            aria-invalid={message === texts.codeInvalid ? true : undefined}
            aria-describedby={['sign-in-code-hint', describedBy].filter(Boolean).join(' ')}
          />
          <p id="sign-in-code-hint" className="field-hint">
            {texts.codeHint}
          </p>
        </div>
      ) : null}
      <button type="submit" className="btn-primary" disabled={!csrfToken || isPending} aria-disabled={!csrfToken || isPending}>
        {isPending ? texts.pending : texts.submit}
      </button>
    </form>
  );
}
