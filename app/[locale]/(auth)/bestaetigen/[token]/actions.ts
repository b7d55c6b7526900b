'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { entryTags, expireCache } from '@/lib/cache';
import { confirmVerification } from '@/lib/data/verification';
import { isLocale } from '@/lib/i18n/routing';

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

// One click on the e-mailed link's page confirms the entry; no sign-in needed, the token is the proof.
export async function confirmVerificationAction(formData: FormData): Promise<void> {
  const parsed = tokenSchema.safeParse(formData.get('token'));
  const outcome = parsed.success ? await confirmVerification({ token: parsed.data }) : { status: 'invalid' as const };
  if (outcome.status === 'confirmed') await expireCache(entryTags(outcome.organizationId));
  const lang = formData.get('lang');
  const locale = typeof lang === 'string' && isLocale(lang) ? lang : 'de';
  redirect(`/${locale}/bestaetigen/${parsed.success ? parsed.data : 'ungueltig'}?ergebnis=${outcome.status}`);
}
