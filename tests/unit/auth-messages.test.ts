// The signed-out pages (sign-in, password, invitation, "entry still correct") in Arabic, Ukrainian
// and Russian: messages/auth/<locale>.json has every Auth and Form key of the German admin
// catalogue with real translations and the same placeholders, and every German message those
// pages can receive from the server (zod messages of their schemas, AppError and action texts)
// comes out in the page's language.
import { describe, expect, it } from 'vitest';
import { messagePairs, translateMessage } from '@/lib/i18n/admin-translate';
import { acceptInvitationSchema, forgotPasswordSchema, resetPasswordSchema } from '@/lib/schemas/auth';
import de from '@/messages/admin/de.json';
import ar from '@/messages/auth/ar.json';
import ru from '@/messages/auth/ru.json';
import uk from '@/messages/auth/uk.json';

const CATALOGUES = { ar, uk, ru } as const;
const GERMAN = de.Admin as unknown as Record<string, Record<string, string>>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

// Every message the schemas of these pages produce for bad input.
function schemaMessages(): string[] {
  const inputs: [{ safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, unknown][] = [
    [forgotPasswordSchema, {}],
    [forgotPasswordSchema, { email: 'kein-at-zeichen' }],
    [forgotPasswordSchema, { email: `${'a'.repeat(300)}@beispiel.de` }],
    [resetPasswordSchema, {}],
    [resetPasswordSchema, { token: 'kurz', password: 'kurz', passwordConfirm: 'anders' }],
    [resetPasswordSchema, { token: 'x'.repeat(43), password: 'lang-genug-und-sicher', passwordConfirm: 'anders-und-lang-genug' }],
    [acceptInvitationSchema, { token: 'x'.repeat(43), name: '', password: '', passwordConfirm: '' }],
    [acceptInvitationSchema, { token: 'x'.repeat(43), name: 'n'.repeat(201), password: 'p'.repeat(201), passwordConfirm: '' }],
  ];
  const messages = new Set<string>();
  for (const [schema, input] of inputs) {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) messages.add(issue.message);
  }
  return [...messages];
}

// Texts the actions and data functions behind these pages send (lib/data/password-reset.ts,
// lib/data/invitations.ts, lib/data/auth/rate-limit.ts, app/[locale]/(auth)/actions.ts, errorState).
const SERVER_TEXTS = [
  'Bitte prüfen Sie die markierten Felder.',
  'Wenn es zu dieser Adresse ein Konto gibt, haben wir einen Link zum Zurücksetzen geschickt. Er gilt eine Stunde.',
  'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
  'Die Einladung ist ungültig, abgelaufen oder wurde schon verwendet.',
  'Für diese Adresse gibt es bereits ein Konto. Bitte melden Sie sich an.',
  'Zu viele Versuche. Bitte versuchen Sie es um 14:05 Uhr erneut.',
  'Das hat leider nicht geklappt. Bitte versuchen Sie es erneut.',
];

describe.each(Object.entries(CATALOGUES))('auth catalogue %s', (locale, catalogue) => {
  const translated = catalogue as unknown as Record<string, Record<string, string>>;

  it.each(['Auth', 'Form'])('has every %s key of the German catalogue, translated, with the same placeholders', (namespace) => {
    expect(Object.keys(translated[namespace]).sort()).toEqual(Object.keys(GERMAN[namespace]).sort());
    for (const [key, german] of Object.entries(GERMAN[namespace])) {
      const text = translated[namespace][key];
      expect(text.trim(), `${locale} ${namespace}.${key}`).not.toBe('');
      expect(text, `${locale} ${namespace}.${key}`).not.toBe(german);
      expect(placeholders(text), `${locale} ${namespace}.${key}`).toEqual(placeholders(german));
    }
  });

  it('holds server messages only under keys the German catalogue has, with the same placeholders', () => {
    for (const namespace of ['Validation', 'Errors']) {
      for (const [key, text] of Object.entries(translated[namespace])) {
        const german = GERMAN[namespace][key];
        expect(german, `${locale} ${namespace}.${key}`).toBeDefined();
        expect(placeholders(text), `${locale} ${namespace}.${key}`).toEqual(placeholders(german));
      }
    }
  });

  it('translates every message these pages can get from the server', () => {
    const pairs = messagePairs(de.Admin, catalogue);
    for (const text of [...schemaMessages(), ...SERVER_TEXTS]) {
      const result = translateMessage(text, pairs);
      expect(result, `${locale}: ${text}`).not.toBe(text);
      expect(result, `${locale}: ${text}`).not.toMatch(/\b(Bitte|Sie|der|die|das)\b/);
    }
    expect(translateMessage('Zu viele Versuche. Bitte versuchen Sie es um 14:05 Uhr erneut.', pairs)).toContain('14:05');
  });
});
