// Server side of the admin language for client components: wrap a subtree in <AdminI18n> and the
// forms and buttons inside show their texts and the server's messages in the admin's language.
import 'server-only';
import { getAdminLocale, serverMessagePairs } from '@/lib/i18n/admin';
import de from '@/messages/admin/de.json';
import en from '@/messages/admin/en.json';
import type { AdminLocale } from '@/lib/i18n/admin-locales';
import { AdminI18nProvider, type FormTexts } from './admin-i18n-context';

const FORM_TEXTS: Record<AdminLocale, FormTexts> = { de: de.Admin.Form, en: en.Admin.Form as FormTexts };

export async function AdminI18n({ children, locale }: { children: React.ReactNode; locale?: AdminLocale }) {
  const resolved = locale ?? (await getAdminLocale());
  return (
    <AdminI18nProvider locale={resolved} form={FORM_TEXTS[resolved]} pairs={serverMessagePairs(resolved)}>
      {children}
    </AdminI18nProvider>
  );
}
