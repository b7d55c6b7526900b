// Locale routing only ("/" -> "/de" for a German browser). No auth decisions here: every admin
// page and action checks permission on the server itself.
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
