import { useEffect, useRef, useState } from 'react';
import type { MapTiles } from './map-config';
import type { MapCenter, MapLabels } from './map-points';

interface Props {
  centers: MapCenter[];
  tiles: MapTiles | null;
  labels: MapLabels;
  /** Language of the district names drawn without tiles. */
  locale: string;
  /** Zoom close on one center (its own page) instead of fitting them all. */
  single?: boolean;
}

// Nepal's bounding box (as @motorghar/nepal's BOUNDS), to frame the map when nothing is listed.
const NEPAL: [[number, number], [number, number]] = [
  [26.35, 80.05],
  [30.45, 88.2],
];

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * The finder's map, an island hydrated when it scrolls into view (`client:visible`): React,
 * Leaflet and, without a tile server, Nepal's outline and district points are fetched only for
 * a visitor who reaches the map, and never hold up the page's first paint. The server renders
 * the empty frame, so the map's space is kept from the start and nothing moves when it is
 * drawn; without JavaScript the frame is hidden (`needs-script`, by the layout's `<noscript>`
 * stylesheet) and the list beside it carries everything. Each marker is keyboard-focusable;
 * opening it shows a link to the center's entry in the list, and focus moves to that link.
 */
export default function CentersMap({ centers, tiles, labels, locale, single = false }: Props) {
  const holder = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'waiting' | 'loading' | 'ready' | 'failed'>('waiting');

  useEffect(() => {
    let cancelled = false;
    let remove = () => {};
    const draw = async () => {
      setState('loading');
      const L = (await import('leaflet')).default;
      if (cancelled || !holder.current) return;
      const map = L.map(holder.current, {
        zoomSnap: 0.25,
        scrollWheelZoom: false,
        attributionControl: true,
      });
      remove = () => map.remove();
      // A view first: vector layers (the outline) cannot be drawn on a map without one.
      map.fitBounds(NEPAL, { animate: false });
      map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
      if (tiles) {
        L.tileLayer(tiles.url, { attribution: escapeText(tiles.attribution), maxZoom: 18 }).addTo(
          map,
        );
      } else {
        const [outline, districts] = await Promise.all([
          import('@motorghar/nepal/data/nepal-outline.json'),
          import('@motorghar/nepal/data/districts.json'),
        ]);
        if (cancelled) return;
        L.geoJSON(outline.default as GeoJSON.Feature, {
          interactive: false,
          style: { color: '#4f6580', weight: 1.5, fillColor: '#fbfaf5', fillOpacity: 1 },
        }).addTo(map);
        for (const district of districts.default) {
          L.circleMarker([district.lat, district.lng], {
            radius: 2.5,
            interactive: false,
            color: '#8a9bb0',
            weight: 1,
            fillOpacity: 0.8,
          }).addTo(map);
        }
        map.attributionControl.addAttribution('Natural Earth, GeoNames');
        map.getContainer().dataset.outline = locale;
      }
      const markers = centers.map((center) => {
        const marker = L.marker([center.lat, center.lng], {
          // The shape is turned inside the icon: Leaflet places the icon itself with a transform.
          icon: L.divIcon({
            className: 'center-pin',
            html: '<span class="center-pin-shape"></span>',
            iconSize: [20, 20],
            iconAnchor: [10, 20],
          }),
          title: center.name,
          alt: center.name,
          keyboard: true,
        });
        const link = document.createElement('a');
        link.href = center.href;
        link.textContent = labels.openCenter.replace('{name}', center.name);
        marker.bindPopup(link);
        marker.on('popupopen', () => link.focus());
        link.addEventListener('click', () => map.closePopup());
        return marker.addTo(map);
      });
      if (single && markers[0]) {
        // Streets need tiles; on the outline, a district's surroundings say more.
        map.setView(markers[0].getLatLng(), tiles ? 15 : 9, { animate: false });
      } else if (markers.length > 0) {
        map.fitBounds(L.featureGroup(markers).getBounds(), {
          padding: [24, 24],
          maxZoom: 13,
          animate: false,
        });
      }
      setState('ready');
    };
    // The island hydrates once the map is in view (client:visible): draw at once.
    draw().catch((error: unknown) => {
      // The list beside the map carries everything; say so in the console for whoever debugs.
      console.error('centers map failed', error);
      if (!cancelled) setState('failed');
    });
    return () => {
      cancelled = true;
      remove();
    };
  }, [centers, tiles, labels, locale, single]);

  return (
    <div className="centers-map-frame needs-script">
      <div
        ref={holder}
        className="centers-map"
        role="region"
        aria-label={labels.label}
        aria-busy={state === 'waiting' || state === 'loading'}
        data-state={state}
      >
        {(state === 'waiting' || state === 'loading') && (
          <p className="centers-map-status">{labels.loading}</p>
        )}
      </div>
      {!tiles && state === 'ready' && <p className="centers-map-note">{labels.outline}</p>}
    </div>
  );
}
