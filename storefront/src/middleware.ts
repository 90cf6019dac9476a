import { defineMiddleware } from 'astro:middleware';
import { resolveRequestId } from './lib/request-id';
import { securityHeaders } from './lib/security-headers';

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    // Some responses (e.g. Response.redirect) have immutable headers: copy them instead.
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

/** Gives each request an id (forwarded to the CMS) and adds the security headers. */
export const onRequest = defineMiddleware(async (context, next) => {
  const requestId = resolveRequestId(context.request.headers.get('x-request-id'));
  context.locals.requestId = requestId;
  const response = await next();
  return withHeaders(response, {
    ...securityHeaders({ dev: import.meta.env.DEV }),
    'X-Request-Id': requestId,
  });
});
