// @motorghar/nepal's BOUNDS, copied so the browser does not load the whole gazetteer for four
// numbers (near-me.test.ts keeps them equal).
export const NEPAL_BOUNDS = { south: 26.25, west: 79.95, north: 30.55, east: 88.3 };

/** The messages of the location button, in the page's language. */
export interface NearMeLabels {
  button: string;
  locating: string;
  found: string;
  denied: string;
  unavailable: string;
  outside: string;
}

/**
 * The finder's `near` value for a browser position (five decimals: about a metre, and no
 * more of the visitor's whereabouts than needed), or null outside Nepal.
 */
export function nearValue(lat: number, lng: number): string | null {
  if (!Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (
    lat < NEPAL_BOUNDS.south ||
    lat > NEPAL_BOUNDS.north ||
    lng < NEPAL_BOUNDS.west ||
    lng > NEPAL_BOUNDS.east
  ) {
    return null;
  }
  return `${lat.toFixed(5)},${lng.toFixed(5)}`;
}
