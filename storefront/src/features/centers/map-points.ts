import type { CenterSummary } from './centers-api';

/** A center as the map island draws it: its point, and where its list entry or page is. */
export interface MapCenter {
  id: string;
  name: string;
  lat: number;
  lng: number;
  /** The list entry (`#center-…`) or the center's page. */
  href: string;
}

/** The anchor of a center's entry in the finder's list. */
export const centerAnchor = (id: string) => `center-${id.replace(/[^A-Za-z0-9_-]/g, '')}`;

/** The listed centers that have coordinates, for the map (the list shows all of them). */
export function mapCenters(
  centers: CenterSummary[],
  href: (center: CenterSummary) => string = (center) => `#${centerAnchor(center.id)}`,
): MapCenter[] {
  return centers.flatMap((center) =>
    center.location
      ? [{ id: center.id, name: center.name, ...center.location, href: href(center) }]
      : [],
  );
}

/** The text of the map's labels, in the page's language. */
export interface MapLabels {
  /** The map region's accessible name. */
  label: string;
  loading: string;
  /** "Go to {name} in the list" (or "Details of {name}"): `{name}` is replaced. */
  openCenter: string;
  /** Said under the map when it draws the outline instead of tiles. */
  outline: string;
}
