import { createHash } from 'node:crypto';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import islandBootstrap from 'astro/runtime/server/astro-island.prebuilt.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';

/** A CSP hash source for an inline script or style. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content).digest('base64')}'`;
}

/**
 * The inline `<script>`s Astro writes before a page's first island: the `<astro-island>`
 * element and the `client:visible` directive (the only directive the portal uses). The CSP
 * allows exactly these by hash, so islands hydrate without `'unsafe-inline'`.
 */
export const ISLAND_SCRIPT_HASHES = [islandBootstrap, visibleDirective].map(cspHash);

/** The one inline `<style>` Astro writes with them (`astro-island { display: contents }`). */
export const ISLAND_STYLE_HASHES = [cspHash(ISLAND_STYLES)];
