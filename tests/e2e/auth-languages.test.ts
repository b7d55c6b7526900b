// The signed-out pages in all five public languages (issue 9, point 6): sign-in, forgotten and new
// password, invitation, "entry still correct" and sign-out show their text in the URL's language,
// with the page's lang and dir (Arabic right to left), server messages in that language, and axe
// finds nothing. The admin area, reached from an Arabic page, is German and left to right.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import de from '@/messages/admin/de.json';
import en from '@/messages/admin/en.json';
import ar from '@/messages/auth/ar.json';
import ru from '@/messages/auth/ru.json';
import uk from '@/messages/auth/uk.json';
import { E2E_ADMIN } from './support/accounts.ts';
import { expectNoAxeViolations, newPage } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';

const CATALOGUES = { de: de.Admin, en: en.Admin, ar, uk, ru } as const;
type Locale = keyof typeof CATALOGUES;

async function expectPage(page: Page, path: string, locale: Locale, heading: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(await page.getAttribute('html', 'lang'), path).toBe(locale);
  expect(await page.getAttribute('html', 'dir'), path).toBe(locale === 'ar' ? 'rtl' : 'ltr');
  expect((await page.textContent('h1'))?.trim(), path).toBe(heading);
  await expectNoAxeViolations(page);
}

describe('signed-out pages in five languages', () => {
  it.each(Object.keys(CATALOGUES) as Locale[])('%s: sign-in, password, invitation and confirm pages speak the language', async (locale) => {
    const t = CATALOGUES[locale];
    const page = await newPage();
    await expectPage(page, `/${locale}/anmelden`, locale, t.Auth.signIn);
    expect(await page.textContent('label[for="email"]')).toContain(t.Auth.email);
    // The link to the forgotten-password page stays in the language.
    await Promise.all([page.waitForURL(`**/${locale}/passwort-vergessen`), page.click(`a:has-text("${t.Auth.forgotPassword}")`)]);
    await expectPage(page, `/${locale}/passwort-vergessen`, locale, t.Auth.forgotTitle);

    // A server-side validation error, in the language, in the summary and at the field.
    await page.fill('#vergessen-email', 'keine-adresse');
    await page.click(`button:has-text("${t.Auth.requestLink}")`);
    await page.waitForSelector('[role="alert"] a[href="#vergessen-email"]');
    expect((await page.textContent('[role="alert"]'))?.trim()).toContain(t.Form.errorSummaryTitle);
    const fieldError = (await page.textContent('#vergessen-email-error')) ?? '';
    expect(fieldError).toContain(locale === 'de' ? de.Admin.Validation.email : (CATALOGUES[locale] as typeof ar).Validation.email);
    expect(await page.inputValue('#vergessen-email')).toBe('keine-adresse');
    await expectNoAxeViolations(page);

    await expectPage(page, `/${locale}/passwort-zuruecksetzen?token=ungueltig`, locale, t.Auth.resetHeading);
    expect(await page.textContent('.alert-error')).toContain(t.Auth.resetInvalid);
    await expectPage(page, `/${locale}/einladung?token=ungueltig`, locale, t.Auth.invitationTitle);
    expect(await page.textContent('.alert-error')).toContain(t.Auth.invitationInvalid);
    await expectPage(page, `/${locale}/bestaetigen/ungueltig`, locale, t.Auth.confirmTitle);
    expect(await page.textContent('.alert-error')).toContain(t.Auth.refusalInvalid);
    await page.context().close();
  });

  it('sends an Arabic visitor from /ar/admin to the Arabic sign-in page, then to the admin area in German, left to right', async () => {
    const page = await newPage();
    await page.goto('/ar/admin/organisationen?status=DRAFT');
    const signInUrl = new URL(page.url());
    expect(signInUrl.pathname).toBe('/ar/anmelden');
    expect(signInUrl.searchParams.get('callbackUrl')).toBe('/de/admin/organisationen?status=DRAFT');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect((await page.textContent('h1'))?.trim()).toBe(ar.Auth.signIn);
    await signIn(page, E2E_ADMIN);
    await page.waitForURL('**/de/admin/organisationen?status=DRAFT');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    expect((await page.textContent('h1'))?.trim()).toBe(de.Admin.Organizations.title);

    // Signed in, any locale's admin path moves to /de/admin.
    for (const locale of ['ar', 'en', 'uk', 'ru']) {
      const response = await page.goto(`/${locale}/admin/organisationen?status=DRAFT`);
      expect(response?.status(), locale).toBe(200);
      const url = new URL(page.url());
      expect(`${url.pathname}${url.search}`, locale).toBe('/de/admin/organisationen?status=DRAFT');
      expect(await page.getAttribute('html', 'dir'), locale).toBe('ltr');
    }

    // Signing out from an Arabic page ends on the Arabic sign-in page.
    await expectPage(page, '/ar/abmelden', 'ar', ar.Auth.signOut);
    await Promise.all([page.waitForURL('**/ar/anmelden?abgemeldet=1'), page.click(`button:has-text("${ar.Auth.signOutNow}")`)]);
    expect(await page.textContent('[role="status"]')).toContain(ar.Auth.signedOut);
    await page.context().close();
  });
});
