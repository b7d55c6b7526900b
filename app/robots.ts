import type { MetadataRoute } from 'next';
import { SITEMAP_ENTRY_FILE } from '@/lib/edge/cached-routes';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const base = getEnv().APP_URL.replace(/\/$/, '');
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/*/admin', '/*/anmelden'] }],
    // The entry: the whole sitemap, or its index once it needs several files (lib/sitemap.ts).
    sitemap: `${base}/${SITEMAP_ENTRY_FILE}`,
  };
}
