'use client';
// The actor page's map, opened on request: before the button is pressed, no map script, style or
// tile is loaded (the visitor's IP address reaches the tile server only after they chose to see
// the map; the note under the button names the host). The canvas module (Leaflet and its CSS) is
// a separate chunk, imported on the first render of the open map. Without JavaScript the button
// does nothing; the addresses and "Route planen" links beside it lead to the place.
import { lazy, Suspense, useId, useState } from 'react';
import type { MapCanvasProps } from './location-map-canvas';

const MapCanvas = lazy(() =>
  import('./location-map-canvas').then(
    (module) => ({ default: module.LocationMapCanvas }),
    // Offline, or a new deployment removed the chunk: say so instead of breaking the page.
    () => ({ default: ({ labels }: MapCanvasProps) => <p role="alert">{labels.error}</p> }),
  ),
);

export interface LocationMapProps extends Omit<MapCanvasProps, 'labels'> {
  labels: MapCanvasProps['labels'] & { show: string; hide: string; loading: string; privacy: string };
}

export function LocationMap({ labels, places, tileUrl, attribution }: LocationMapProps) {
  const [isOpen, setIsOpen] = useState(false);
  const regionId = useId();
  return (
    <div className="space-y-2 print:hidden" data-location-map>
      <button
        type="button"
        aria-expanded={isOpen}
        aria-controls={regionId}
        onClick={() => setIsOpen((open) => !open)}
        className="inline-flex min-h-11 items-center gap-2 rounded-md border-2 border-brand-700 px-4 font-semibold text-brand-800 hover:bg-brand-50"
      >
        {isOpen ? labels.hide : labels.show}
      </button>
      {isOpen ? null : <p className="text-sm text-slate-700">{labels.privacy}</p>}
      <div id={regionId}>
        {isOpen ? (
          <Suspense fallback={<p role="status">{labels.loading}</p>}>
            <MapCanvas places={places} tileUrl={tileUrl} attribution={attribution} labels={labels} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
