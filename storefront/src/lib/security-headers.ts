import { ISLAND_SCRIPT_HASHES, ISLAND_STYLE_HASHES } from './island-csp';

// Islands need Astro's inline bootstrap; it is allowed by hash, never by 'unsafe-inline'.
const PRODUCTION_CSP = {
  'default-src': ["'self'"],
  // blob: is the preview of a file an owner chose, before it is uploaded (an object URL).
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'style-src': ["'self'", ...ISLAND_STYLE_HASHES],
  'script-src': ["'self'", ...ISLAND_SCRIPT_HASHES],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

// Vite's dev server injects inline styles and scripts and talks to its HMR socket.
const DEV_CSP = {
  ...PRODUCTION_CSP,
  'style-src': ["'self'", "'unsafe-inline'"],
  'script-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
};

/** Serialises CSP directives into a header value. */
export function serializeCsp(directives: Record<string, string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

// A year, subdomains included. Not `preload`: the preload list is hard to leave, covers every
// subdomain of the registrable domain (which the portal's operator may not own) and needs the
// header on the apex; an operator can opt in at the proxy once all of that holds.
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The security headers every portal response carries. The dev server needs a looser CSP;
 * built output ships no inline scripts or styles (see `build.inlineStylesheets`). A production
 * build also sends HSTS (browsers ignore it over plain http, so a local http run still works).
 */
export function securityHeaders({
  dev,
  uploadOrigins = [],
  imageOrigins = [],
}: {
  dev: boolean;
  /** Origins the browser sends files to itself (the bucket of presigned uploads). */
  uploadOrigins?: string[];
  /** Origins pictures come from besides the portal (the map's tile server). */
  imageOrigins?: string[];
}): Record<string, string> {
  const csp = dev ? DEV_CSP : PRODUCTION_CSP;
  return {
    'Content-Security-Policy': serializeCsp({
      ...csp,
      'img-src': [...csp['img-src'], ...imageOrigins],
      'connect-src': [...csp['connect-src'], ...uploadOrigins],
    }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), payment=(), geolocation=(self)',
    ...(dev ? {} : { 'Strict-Transport-Security': HSTS }),
  };
}
