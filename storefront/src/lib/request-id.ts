const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Reuses the caller's `x-request-id` when it is a short, safe token (so a proxy's id follows
 * the request into the CMS logs) and mints a UUID otherwise.
 */
export function resolveRequestId(incoming: string | null): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
