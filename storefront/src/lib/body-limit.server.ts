import { defineMiddleware } from 'astro:middleware';
import {
  bodyRefusal,
  DEFAULT_BODY_LIMIT,
  type LargeBodyEndpoint,
  type LargeBodyRoute,
} from './body-limit';
import { logEvent } from './log';

const BODILESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a request body over its route's limit before anything reads it (the CSRF check and
 * pages buffer form posts in memory). A route that takes large bodies sends a refused visitor
 * to the page that explains why; an endpoint or any other route answers 413.
 */
export function bodyLimit(routes: (LargeBodyRoute | LargeBodyEndpoint)[]) {
  return defineMiddleware((context, next) => {
    if (BODILESS_METHODS.has(context.request.method)) return next();
    const route = routes.find(({ path }) => path.test(context.url.pathname));
    const refusal = bodyRefusal(context.request.headers, route?.maxBytes ?? DEFAULT_BODY_LIMIT);
    if (!refusal) return next();
    logEvent('warn', 'request body refused', {
      requestId: context.locals.requestId,
      path: context.url.pathname,
      reason: refusal,
    });
    if (refusal === 'length-required') return new Response('Length Required', { status: 411 });
    if (route && 'refusedTo' in route) return context.redirect(route.refusedTo(context.url), 303);
    return new Response('Payload Too Large', { status: 413 });
  });
}
