// The web app manifest (/manifest.webmanifest): name, colours and icons for "add to home screen".
// German, like the address it starts at; the pages themselves switch language.
import type { MetadataRoute } from 'next';
import de from '@/messages/de.json';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: de.Layout.siteName,
    short_name: 'Integration Stendal',
    description: de.Meta.homeDescription,
    lang: 'de',
    dir: 'ltr',
    start_url: '/de',
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5563',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
