import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { defaultLocale, parseLocale } from '~/i18n';
import { logEvent } from '~/lib/log';
import { formDataOf } from '~/features/forms/form-data';
import { takesRawBody } from '~/features/documents/document-transfer';
import { portalCookies } from './cookie-security.server';
import {
  createCsrfToken,
  CSRF_FIELD,
  CSRF_HEADER,
  csrfTokensMatch,
  isSameOriginRequest,
  isWellFormedCsrfToken,
} from './csrf';
import { isOwnerPath } from './owner-paths';
import { CSRF_COOKIE } from './session-cookies';
import { paths } from '~/lib/paths';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** Issues a new CSRF token, e.g. when an owner signs in or out. */
export function rotateCsrfToken(context: Pick<APIContext, 'cookies' | 'locals' | 'url'>): void {
  const token = createCsrfToken();
  portalCookies(context).set(CSRF_COOKIE, token);
  context.locals.csrfToken = token;
}

type CsrfContext = Parameters<Parameters<typeof defineMiddleware>[0]>[0];

/** Why a post is refused before its body is read; what was declared decides it. */
type EarlyRefusal = 'origin' | 'cookie' | 'signed-out' | 'media-type';

function declaresBody(headers: Headers): boolean {
  return headers.has('transfer-encoding') || Number(headers.get('content-length') ?? 0) > 0;
}

/**
 * Everything a post can be refused for from its headers and cookies alone. The body (up to
 * 41 MB of photos on the vehicle page) is read only after all of these passed: a visitor
 * without the CSRF cookie, or without a session on an owner's page, never gets it buffered.
 */
function earlyRefusal(
  context: CsrfContext,
  cookieToken: string | undefined,
): EarlyRefusal | undefined {
  const { headers } = context.request;
  const type = headers.get('content-type') ?? '';
  const isForm = FORM_TYPES.some((formType) => type.startsWith(formType));
  // A document's bytes (the upload's PUT) are the one raw body; its token comes in a header.
  if (declaresBody(headers) && !isForm && !takesRawBody(context.url.pathname)) {
    return 'media-type';
  }
  if (!isSameOriginRequest(headers)) return 'origin';
  if (!isWellFormedCsrfToken(cookieToken)) return 'cookie';
  if (!context.locals.session && isOwnerPath(context.url.pathname)) return 'signed-out';
  return undefined;
}

async function submittedToken(request: Request): Promise<string | undefined> {
  const header = request.headers.get(CSRF_HEADER);
  if (header) return header;
  const type = request.headers.get('content-type') ?? '';
  if (!FORM_TYPES.some((formType) => type.startsWith(formType))) return undefined;
  // Parsed once for this check and the page that reads the form next.
  const value = (await formDataOf(request)).get(CSRF_FIELD);
  return typeof value === 'string' ? value : undefined;
}

/**
 * Double-submit CSRF protection. Every visitor gets a random token in the httpOnly `mg_csrf`
 * cookie; forms echo it in a hidden `_csrf` field (`Astro.locals.csrfToken`). A POST (or any
 * unsafe method) must come from the portal's own origin and carry the cookie's token;
 * otherwise it is answered 403 with the localized "form expired" page and never reaches the
 * page or endpoint it was sent to. A post without the cookie, from another origin, of a type
 * that is not a form (415), or to an owner's page without a session (to the login page) is
 * refused before its body is read.
 */
export const csrfMiddleware = defineMiddleware(async (context, next) => {
  const cookieToken = portalCookies(context).get(CSRF_COOKIE);
  if (isWellFormedCsrfToken(cookieToken)) context.locals.csrfToken = cookieToken;
  else rotateCsrfToken(context);

  if (SAFE_METHODS.has(context.request.method)) return next();
  const refused = earlyRefusal(context, cookieToken);
  if (!refused && csrfTokensMatch(cookieToken, await submittedToken(context.request))) {
    return next();
  }
  logEvent('warn', 'csrf check failed', {
    requestId: context.locals.requestId,
    path: context.url.pathname,
    reason: refused ?? 'token',
  });
  const locale = parseLocale(context.url.pathname.split('/')[1]) ?? defaultLocale;
  if (refused === 'media-type') {
    return new Response('Unsupported Media Type', { status: 415 });
  }
  if (refused === 'signed-out') {
    return context.redirect(
      paths.login(locale, `${context.url.pathname}${context.url.search}`),
      303,
    );
  }
  return next(new Request(new URL(paths.formExpired(locale), context.url)));
});
