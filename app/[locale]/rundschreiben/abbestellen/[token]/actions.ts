'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { optOutOfCirculars } from '@/lib/data/circulars/opt-out';

const tokenSchema = z.string().regex(/^[co][0-9a-f]{32}[A-Za-z0-9_-]{43}$/);

// The link's page posts here: no sign-in, the signed token is the proof.
export async function optOutAction(formData: FormData): Promise<void> {
  const parsed = tokenSchema.safeParse(formData.get('token'));
  const ok = parsed.success ? await optOutOfCirculars({ token: parsed.data }) : false;
  const lang = formData.get('lang') === 'en' ? '&lang=en' : '';
  redirect(`/de/rundschreiben/abbestellen/${parsed.success ? parsed.data : 'ungueltig'}?ergebnis=${ok ? 'abgemeldet' : 'ungueltig'}${lang}`);
}
