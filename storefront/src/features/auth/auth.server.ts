import type { APIContext } from 'astro';
import type { CmsCallContext } from '~/lib/cms-api';
import { cmsApi } from '~/lib/cms';
import { createAuthApi } from './auth-api';

/** The CMS's auth routes, bound to the configured CMS. */
export const authApi = createAuthApi(cmsApi);

/**
 * What a CMS call forwards about the request it serves: its id and the visitor's address
 * (resolved once per request by the middleware from the socket or trusted proxy hops; never
 * Astro's `clientAddress`, which is the first X-Forwarded-For value any caller can write).
 */
export function callContextOf(context: Pick<APIContext, 'locals'>): CmsCallContext {
  return { requestId: context.locals.requestId, clientAddress: context.locals.clientAddress };
}
