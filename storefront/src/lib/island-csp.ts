import { createHash } from 'node:crypto';
import idleDirective from 'astro/runtime/client/idle.prebuilt.js';
import visibleDirective from 'astro/runtime/client/visible.prebuilt.js';
import islandBootstrap from 'astro/runtime/server/astro-island.prebuilt.js';
import { ISLAND_STYLES } from 'astro/runtime/server/astro-island-styles.js';

/** A CSP hash source for an inline script or style. */
export function cspHash(content: string): string {
  return `'sha256-${createHash('sha256').update(content).digest('base64')}'`;
}

/**
 * The inline `<script>`s Astro writes before a page's first island: the `<astro-island>`
 * element and each client directive's script. The portal's islands hydrate `client:visible`
 * or `client:idle` (the finder's map too, rendered empty on the server); the CSP allows
 * exactly these scripts by hash, so islands hydrate without `'unsafe-inline'`. Another
 * directive needs its script added here, or its islands never hydrate.
 */
export const ISLAND_SCRIPT_HASHES = [islandBootstrap, visibleDirective, idleDirective].map(cspHash);

/** The one inline `<style>` Astro writes with them (`astro-island { display: contents }`). */
export const ISLAND_STYLE_HASHES = [cspHash(ISLAND_STYLES)];
