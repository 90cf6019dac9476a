import type { APIContext } from 'astro';

/** Where Astro 5 keeps the path first asked for, which the 404 page reads for its language. */
const ORIGIN_PATHNAME = Symbol.for('astro.originPathname');

/**
 * What a page rewrites to when what was asked for does not exist. `Astro.rewrite('/404')`
 * copies the request, body included, and throws (a 500) once the body was read, as it is for
 * every form post (the CSRF check reads it). The 404 page needs no body: this is a GET of it
 * with the same headers, still carrying the path first asked for, so `/ne/...` answers in
 * Nepali.
 */
export function notFoundRequest(context: Pick<APIContext, 'url' | 'request'>): Request {
  const request = new Request(new URL('/404', context.url), { headers: context.request.headers });
  const origin =
    (Reflect.get(context.request, ORIGIN_PATHNAME) as string | undefined) ??
    encodeURIComponent(context.url.pathname);
  Reflect.set(request, ORIGIN_PATHNAME, origin);
  return request;
}
