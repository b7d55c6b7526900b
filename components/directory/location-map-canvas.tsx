'use client';
// The map itself (Leaflet), in its own chunk: imported only by location-map.tsx after the visitor
// opened the map. Markers are keyboard-focusable buttons named after the place (Enter opens the
// address); the map pans with the arrow keys and zooms with + and −. The container stays left to
// right in Arabic pages too (tiles are laid out in map coordinates), its controls and the
// attribution keep working there.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useId, useRef } from 'react';

interface MapPlace {
  id: string;
  label: string;
  address?: string;
  latitude: number;
  longitude: number;
}

export interface MapCanvasProps {
  places: MapPlace[];
  tileUrl: string;
  attribution: { text: string; url: string };
  labels: { region: string; hint: string; zoomIn: string; zoomOut: string; closePopup: string; error: string };
}

// A pin drawn inline (no image files to resolve, nothing to fetch): brand colour, white ring.
const PIN_HTML =
  '<svg xmlns="http://www.w3.org/2000/svg" width="28" height="36" viewBox="0 0 28 36" aria-hidden="true" focusable="false">' +
  '<path d="M14 1C7 1 1.5 6.5 1.5 13.3 1.5 22.5 14 35 14 35s12.5-12.5 12.5-21.7C26.5 6.5 21 1 14 1z" fill="#0b5563" stroke="#fff" stroke-width="2"/>' +
  '<circle cx="14" cy="13.5" r="4.5" fill="#fff"/></svg>';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

export function LocationMapCanvas({ places, tileUrl, attribution, labels }: MapCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const hintId = useId();

  useEffect(() => {
    const container = containerRef.current;
    if (!container || places.length === 0) return;
    const map = L.map(container, { zoomControl: false, attributionControl: false, scrollWheelZoom: false });
    L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
    L.control
      .attribution({ prefix: false })
      .addAttribution(`<a href="${escapeHtml(attribution.url)}" rel="noopener" target="_blank">${escapeHtml(attribution.text)}</a>`)
      .addTo(map);
    L.tileLayer(tileUrl, { maxZoom: 19, detectRetina: false }).addTo(map);
    const bounds = L.latLngBounds([]);
    for (const place of places) {
      const position = L.latLng(place.latitude, place.longitude);
      bounds.extend(position);
      const icon = L.divIcon({ className: '', html: PIN_HTML, iconSize: [28, 36], iconAnchor: [14, 35], popupAnchor: [0, -30] });
      L.marker(position, { icon, title: place.label, keyboard: true, riseOnHover: true })
        .bindPopup(`<strong>${escapeHtml(place.label)}</strong>${place.address ? `<br>${escapeHtml(place.address)}` : ''}`)
        .addTo(map);
    }
    if (places.length === 1) map.setView(bounds.getCenter(), 16);
    else map.fitBounds(bounds, { padding: [32, 32], maxZoom: 16 });
    // Leaflet's zoom buttons are links with role="button": give them the page's language.
    container.querySelectorAll<HTMLElement>('.leaflet-control-zoom a').forEach((button) => {
      button.setAttribute('aria-label', button.title);
    });
    // Leaflet names the popup's close button in English: in the page's language instead.
    map.on('popupopen', (event) => {
      event.popup.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', labels.closePopup);
    });
    return () => {
      map.remove();
    };
  }, [places, tileUrl, attribution, labels]);

  return (
    <div className="space-y-1">
      <div
        ref={containerRef}
        role="region"
        aria-label={labels.region}
        aria-describedby={hintId}
        dir="ltr"
        className="h-72 w-full overflow-hidden rounded-lg border border-slate-300 sm:h-96"
        data-map-canvas
      />
      <p id={hintId} className="text-sm text-slate-700">
        {labels.hint}
      </p>
    </div>
  );
}
