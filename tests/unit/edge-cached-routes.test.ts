// proxy.ts (lib/edge/cached-routes.ts) sends a query-less public page that otherwise reads search parameters to its cached
// route; anything with a query, another page or an unknown locale stays where it is.
import { describe, expect, it } from 'vitest';
import { cachedRoute, isTwinAddress } from '@/lib/edge/cached-routes';

describe('cachedRoute', () => {
  it('rewrites the query-less directory in every locale', () => {
    expect(cachedRoute('/de/akteure', '')).toBe('/de/akteure-liste');
    expect(cachedRoute('/ar/akteure/', '')).toBe('/ar/akteure-liste');
    expect(cachedRoute('/ru/akteure', '?')).toBe('/ru/akteure-liste');
  });

  it('leaves searches, filters, other pages and unknown locales alone', () => {
    expect(cachedRoute('/de/akteure', '?q=beratung')).toBeNull();
    expect(cachedRoute('/de/akteure', '?seite=2')).toBeNull();
    expect(cachedRoute('/de/akteure/koordinierungsstelle-integration', '')).toBeNull();
    expect(cachedRoute('/de/wegweiser', '')).toBeNull();
    expect(cachedRoute('/xx/akteure', '')).toBeNull();
    expect(cachedRoute('/akteure', '')).toBeNull();
  });

  it('knows the twins’ own addresses, which only the rewrite may reach', () => {
    expect(isTwinAddress('/de/akteure-liste')).toBe(true);
    expect(isTwinAddress('/ar/akteure-liste/')).toBe(true);
    expect(isTwinAddress('/de/akteure')).toBe(false);
    expect(isTwinAddress('/de/akteure/akteure-liste')).toBe(false);
  });
});
