import type { APIContext } from 'astro';
import type { CmsCallContext } from '../../lib/cms-api';
import { cmsApi } from '../../lib/cms';
import { createAuthApi } from './auth-api';

/** The CMS's auth routes, bound to the configured CMS. */
export const authApi = createAuthApi(cmsApi);

/** What a CMS call forwards about the request it serves: its id and the visitor's address. */
export function callContextOf(
  context: Pick<APIContext, 'locals' | 'clientAddress'>,
): CmsCallContext {
  let clientAddress: string | undefined;
  try {
    clientAddress = context.clientAddress;
  } catch {
    // Not every adapter knows the address; the CMS then counts the portal's own.
  }
  return { requestId: context.locals.requestId, clientAddress };
}
