'use client';
// The admin language for client components (forms, buttons): their own texts (Admin.Form) and
// the German -> admin language pairs for messages the server sends (zod, AppError).
import { createContext, useContext, useMemo } from 'react';
import de from '@/messages/admin/de.json';
import type { Locale } from '@/lib/i18n/routing';
import { translateMessage, type MessagePair } from '@/lib/i18n/admin-translate';

export type FormTexts = (typeof de)['Admin']['Form'];

interface AdminI18nValue {
  // The admin language, or on the signed-out pages any public language (lib/i18n/auth.ts).
  locale: Locale;
  form: FormTexts;
  pairs: readonly MessagePair[];
}

const AdminI18nContext = createContext<AdminI18nValue>({ locale: 'de', form: de.Admin.Form, pairs: [] });

export function AdminI18nProvider({ children, ...value }: AdminI18nValue & { children: React.ReactNode }) {
  return <AdminI18nContext.Provider value={value}>{children}</AdminI18nContext.Provider>;
}

export function useAdminI18n() {
  const { locale, form, pairs } = useContext(AdminI18nContext);
  return useMemo(
    () => ({
      locale,
      form,
      // A German text from the server in the admin's language (unchanged for German admins).
      message: (text: string) => translateMessage(text, pairs),
    }),
    [locale, form, pairs],
  );
}
