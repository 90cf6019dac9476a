/** Sets headers on a response, copying it first when its headers are immutable. */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
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

/**
 * `Cache-Control` for a response that holds an owner's data or a form's CSRF token, which no
 * shared cache may keep; nothing for public pages.
 */
export function privacyHeaders(personal: boolean): Record<string, string> {
  return personal ? { 'Cache-Control': 'private, no-store' } : {};
}
