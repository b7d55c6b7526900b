// The map tiles of the actor page's map: a URL template (Leaflet's {z}/{x}/{y}, optionally {s} for
// subdomains and {r} for retina), configurable with MAP_TILE_URL; OpenStreetMap's by default. The
// Content-Security-Policy allows exactly the tile host(s) in img-src (lib/edge/security-headers.ts).
// Pure: no process.env (lib/env.ts and the server scripts pass the configured value in).

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION = '© OpenStreetMap';
export const DEFAULT_TILE_ATTRIBUTION_URL = 'https://www.openstreetmap.org/copyright';
// Leaflet's default for {s}.
const TILE_SUBDOMAINS = ['a', 'b', 'c'];

const PLACEHOLDERS = ['{z}', '{x}', '{y}'];

/** Why a tile URL template is unusable, or undefined when it is fine. */
export function tileUrlProblem(template: string): string | undefined {
  if (!PLACEHOLDERS.every((placeholder) => template.includes(placeholder))) return 'muss {z}, {x} und {y} enthalten';
  let url: URL;
  try {
    url = new URL(template.replaceAll('{s}', 'a'));
  } catch {
    return 'ist keine gültige Adresse';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'muss mit https:// beginnen';
  if (/[{}*]/.test(url.host) || /[\s;,']/.test(template)) return 'enthält unzulässige Zeichen im Host';
  return undefined;
}

/**
 * The origins that tiles are loaded from (for img-src): one per subdomain when the host has {s}.
 * An unusable template gives none (the map then loads no tiles rather than widening the policy).
 */
export function tileOrigins(template: string | undefined): string[] {
  const value = template?.trim() || DEFAULT_TILE_URL;
  if (tileUrlProblem(value)) return [];
  const hosts = value.includes('{s}') ? TILE_SUBDOMAINS.map((sub) => value.replaceAll('{s}', sub)) : [value];
  return [...new Set(hosts.map((host) => new URL(host).origin))];
}
