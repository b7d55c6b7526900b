// The smallest journey: the German home page is served and declares its language.
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, newPage } from './support/browser.ts';

describe('home page', () => {
  it('answers /de with 200 and <html lang="de">', async () => {
    const page = await newPage();
    const response = await page.goto('/de');
    expect(response?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
  });

  it('sends a German browser from / to /de', async () => {
    const page = await newPage();
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/de');
  });

  it('has no WCAG 2.1 AA violations found by axe', async () => {
    const page = await newPage();
    await page.goto('/de');
    await expectNoAxeViolations(page);
  });
});
