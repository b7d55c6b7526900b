import '../../admin/admin.css';
import type { Metadata } from 'next';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { adminTranslator, getAdminLocale } from '@/lib/i18n/admin';

type Search = Record<string, string | undefined>;

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  return { title: adminTranslator(await getAdminLocale((await searchParams).lang), 'Auth')('signOut') };
}

// The signed-in user's language (or ?lang=en); the sign-in page after signing out keeps it.
export default async function SignOutPage({ searchParams }: { searchParams: Promise<Search> }) {
  const locale = await getAdminLocale((await searchParams).lang);
  const t = adminTranslator(locale, 'Auth');
  return (
    <div className="space-y-4" lang={locale === 'de' ? undefined : locale}>
      <h1 className="admin-h1">{t('signOut')}</h1>
      <p>{t('signOutQuestion')}</p>
      <SignOutButton label={t('signOutNow')} callbackUrl={`/de/anmelden?abgemeldet=1${locale === 'de' ? '' : `&lang=${locale}`}`} />
    </div>
  );
}
