import type { MetadataRoute } from 'next';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const base = getEnv().APP_URL.replace(/\/$/, '');
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/*/admin', '/*/anmelden'] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
