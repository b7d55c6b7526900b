import '../../admin/admin.css';
import type { Metadata } from 'next';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { authLangAttributes, authTranslator, getAuthLocale } from '@/lib/i18n/auth';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return { title: authTranslator(await getAuthLocale((await params).locale, (await searchParams).lang))('signOut') };
}

// In the URL's language (/ar/abmelden); under /de the signed-in user's admin language. The sign-in
// page after signing out keeps it.
export default async function SignOutPage({ params, searchParams }: Props) {
  const locale = await getAuthLocale((await params).locale, (await searchParams).lang);
  const t = authTranslator(locale);
  return (
    <div className="space-y-4" {...authLangAttributes(locale)}>
      <h1 className="admin-h1">{t('signOut')}</h1>
      <p>{t('signOutQuestion')}</p>
      <SignOutButton label={t('signOutNow')} callbackUrl={`/${locale}/anmelden?abgemeldet=1`} />
    </div>
  );
}
