/** A tile server for the map: its URL template and the attribution its licence asks for. */
export interface MapTiles {
  url: string;
  attribution: string;
}

/**
 * The tile server from the portal's config, or null: then the map draws Nepal's outline and
 * district headquarters from bundled data (the embedded default and the tests reach no
 * tile server). Only http(s) templates with `{z}`, `{x}` and `{y}` are taken.
 */
export function mapTiles(
  url: string | undefined,
  attribution: string | undefined,
): MapTiles | null {
  if (!url || !/^https?:\/\/[^/\s]+\/\S*$/.test(url)) return null;
  if (!['{z}', '{x}', '{y}'].every((part) => url.includes(part))) return null;
  return { url, attribution: attribution ?? '' };
}

/**
 * The origin the CSP's img-src must allow for the tiles: `{s}` subdomains become a wildcard
 * (`https://{s}.tile.example.org/…` → `https://*.tile.example.org`).
 */
export function tileOrigin(url: string | undefined): string | undefined {
  const origin = url ? /^(https?:\/\/[^/]+)/.exec(url)?.[1] : undefined;
  if (!origin) return undefined;
  const host = origin.replace('{s}', '*');
  return /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host) ? host : undefined;
}
