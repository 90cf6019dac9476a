import { defineMiddleware, sequence } from 'astro:middleware';
import { csrfMiddleware } from './features/auth/csrf.server';
import { sessionMiddleware } from './features/auth/session.server';
import { MAP_TILE_URL, MEDIA_ORIGIN } from 'astro:env/server';
import { tileOrigin } from './features/centers/map-config';
import { DOCUMENT_PUT_LARGE_BODY } from './features/documents/document-transfer';
import { VAULT_UPLOAD_ROUTE } from './features/documents/vault-query';
import { garageKeeping } from './features/garage/garage-page.server';
import { PHOTO_UPLOAD_ROUTE } from './features/garage/photo-upload';
import { languageMiddleware } from './features/language/language.server';
import { bodyLimit } from './lib/body-limit.server';
import { clientAddressOf } from './lib/client-address.server';
import { keptPagesMiddleware } from './lib/kept-pages.server';
import { resolveRequestId } from './lib/request-id';
import { privacyHeaders, withHeaders } from './lib/response-headers';
import { securityHeaders } from './lib/security-headers';

// The same for every response of this build: serialised once, not per request. With S3 the
// browser PUTs a document straight to the bucket (MEDIA_ORIGIN), which connect-src must allow.
const SECURITY_HEADERS = securityHeaders({
  dev: import.meta.env.DEV,
  uploadOrigins: MEDIA_ORIGIN ? [new URL(MEDIA_ORIGIN).origin] : [],
  // The finder's map loads its tiles from the configured tile server (none by default).
  imageOrigins: [tileOrigin(MAP_TILE_URL)].filter((origin) => origin !== undefined),
});

/**
 * Gives each request an id and the visitor's address (both forwarded to the CMS) and adds the
 * security headers.
 */
const requestContext = defineMiddleware(async (context, next) => {
  const requestId = resolveRequestId(context.request.headers.get('x-request-id'));
  context.locals.requestId = requestId;
  context.locals.clientAddress = clientAddressOf(context);
  const response = await next();
  const personal = Boolean(context.locals.session) || context.request.method !== 'GET';
  return withHeaders(response, {
    ...SECURITY_HEADERS,
    ...privacyHeaders(personal),
    'X-Request-Id': requestId,
  });
});

/**
 * Request id and headers first; then the body size check (before anything reads a body), the
 * session (from the cookies, renewed when needed), the CSRF check of form posts, and the
 * language toggle, which may save to the profile; innermost, the pages kept once rendered
 * (the garage), served from there before any page renders while their data is unchanged.
 */
export const onRequest = sequence(
  requestContext,
  bodyLimit([PHOTO_UPLOAD_ROUTE, VAULT_UPLOAD_ROUTE, DOCUMENT_PUT_LARGE_BODY]),
  sessionMiddleware,
  csrfMiddleware,
  languageMiddleware,
  keptPagesMiddleware({ '/[locale]/garage': garageKeeping }),
);
