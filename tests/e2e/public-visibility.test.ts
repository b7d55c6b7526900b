// Every public output of the production build, rendered: no page, API answer, export, sitemap or
// vCard shows a record in a hidden state (tests/fixtures/hidden-states.ts), in any language. The
// table of outputs (tests/fixtures/public-outputs.ts) lists every page and route under app/; a unit
// test fails when one is missing. A coordinator publishes the entry first, through the admin area:
// that renews the public cache as any edit does, so no page can pass by showing an old copy.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { createHiddenStates, HOST_NAME, HOST_SLUG, type HiddenStates } from '../fixtures/hidden-states.ts';
import { findLeaks, PUBLIC_OUTPUTS, responseText, type PublicOutput } from '../fixtures/public-outputs.ts';
import { E2E_ADMIN } from './support/accounts.ts';
import { newPage } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';

const LOCALES = ['de', 'en', 'ar', 'uk', 'ru'];
let db: PrismaClient;
let states: HiddenStates;

beforeAll(async () => {
  db = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject('E2E_DATABASE_URL'), max: 2 }) });
  states = await createHiddenStates(db, { hostStatus: 'DRAFT' });
});

afterAll(async () => {
  await db?.$disconnect();
});

describe('a coordinator publishes an entry with hidden parts', () => {
  it('publishes it in the admin area; its public page follows at once', async () => {
    const page = await newPage();
    await signIn(page, E2E_ADMIN, { callbackPath: `/de/admin/organisationen/${states.hostId}` });
    await page.waitForURL((url) => url.pathname === `/de/admin/organisationen/${states.hostId}`);
    if ((await db.organization.findUniqueOrThrow({ where: { id: states.hostId } })).status !== 'PUBLISHED') {
      // Through the confirm step: the link opens it, its button publishes.
      await Promise.all([page.waitForURL(/bestaetigen=veroeffentlichen/), page.click('a:has-text("Veröffentlichen")')]);
      await Promise.all([page.waitForURL(/status=publish/), page.click('#bestaetigen button:has-text("Veröffentlichen")')]);
    }
    const response = await fetch(`${inject('E2E_BASE_URL')}/de/akteure/${HOST_SLUG}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(HOST_NAME);
  });
});

async function check(output: PublicOutput, locale: string | null) {
  const base = inject('E2E_BASE_URL');
  for (const request of output.requests(states)) {
    const url = locale === null ? request.path : `/${locale}${request.path}`;
    const response = await fetch(base + url, { redirect: 'manual' });
    const text = await responseText(response);
    expect(response.status, url).toBe(request.status ?? 200);
    expect(findLeaks(text, states.markers, request.echo), url).toEqual([]);
    // Content falls back to German; the texts that must be there are checked once, in German.
    if (locale === null || locale === 'de') for (const shown of request.shows ?? []) expect(text, url).toContain(shown);
    if (request.isEmpty) {
      if (output.kind === 'page') expect(text, url).toContain('data-result-count="0"');
      else {
        const body = JSON.parse(text) as { total?: number; total_items?: number; suggestions?: unknown[] };
        expect(body.total ?? body.total_items ?? body.suggestions?.length, url).toBe(0);
      }
    }
  }
}

describe('no public output shows a hidden record', () => {
  for (const output of PUBLIC_OUTPUTS) {
    if (output.kind === 'page') {
      for (const locale of LOCALES) it(`${output.file} (${locale})`, () => check(output, locale));
    } else {
      it(output.file, () => check(output, null));
    }
  }
});
