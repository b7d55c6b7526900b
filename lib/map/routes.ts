// "Route planen": links that open the visitor's own map app, without JavaScript. A geo: URI
// (RFC 5870; Android and most map apps on phones, with the query form their apps understand) and
// OpenStreetMap's directions page (works everywhere, the visitor enters the start there).
// Coordinates when the location has them, else the postal address.

export interface RoutablePlace {
  name?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

// Six decimals are about 10 cm: more is noise.
const coordinate = (value: number) => String(Number(value.toFixed(6)));

function hasCoordinates(place: RoutablePlace): place is RoutablePlace & { latitude: number; longitude: number } {
  return (
    typeof place.latitude === 'number' &&
    typeof place.longitude === 'number' &&
    Number.isFinite(place.latitude) &&
    Number.isFinite(place.longitude) &&
    Math.abs(place.latitude) <= 90 &&
    Math.abs(place.longitude) <= 180
  );
}

/** "Lange Straße 6, 39615 Seehausen", or undefined without street and town. */
export function postalAddress(place: RoutablePlace): string | undefined {
  const town = [place.postalCode, place.city].filter(Boolean).join(' ');
  if (!place.street && !place.city) return undefined;
  return [place.street, town].filter(Boolean).join(', ');
}

export interface RouteLinks {
  geo: string;
  osm: string;
}

/** Both links for a place, or undefined when it has neither coordinates nor an address. */
export function routeLinks(place: RoutablePlace): RouteLinks | undefined {
  const address = postalAddress(place);
  if (hasCoordinates(place)) {
    const lat = coordinate(place.latitude);
    const lon = coordinate(place.longitude);
    const label = place.name ?? address;
    // geo:lat,lon?q=lat,lon(Label): the pin carries the place's name in the map app.
    const q = label ? `${lat},${lon}(${encodeURIComponent(label.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim())})` : `${lat},${lon}`;
    return {
      geo: `geo:${lat},${lon}?q=${q}`,
      // Numbers only: nothing to encode.
      osm: `https://www.openstreetmap.org/directions?to=${lat},${lon}#map=16/${lat}/${lon}`,
    };
  }
  if (!address) return undefined;
  return {
    geo: `geo:0,0?q=${encodeURIComponent(address)}`,
    osm: `https://www.openstreetmap.org/directions?${new URLSearchParams({ to: address }).toString()}`,
  };
}
