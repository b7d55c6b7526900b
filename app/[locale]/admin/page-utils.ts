import 'server-only';
import { notFound } from 'next/navigation';
import { isAppError } from '@/lib/errors';

// Records outside the caller's scope look exactly like missing ones.
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound();
    throw error;
  }
}

// An admin page's props: its route parameters and the query string.
export type AdminPageProps<Params> = { params: Promise<Params>; searchParams: Promise<Record<string, string | undefined>> };

// Dates in the admin area: adminFormats(locale) from lib/i18n/admin.ts.
