/** The largest request body a route that takes no files accepts. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** A route that takes larger bodies, and where it sends a body over its limit. */
export interface LargeBodyRoute {
  path: RegExp;
  maxBytes: number;
  /** Where to send the visitor instead (a page that explains the refusal). */
  refusedTo(url: URL): string;
}

/** A route a script sends larger bodies to (an upload's PUT): over its limit, a plain 413. */
export interface LargeBodyEndpoint {
  path: RegExp;
  maxBytes: number;
}

/** Why a request's body is refused before anything reads it. */
export type BodyRefusal = 'too-large' | 'length-required';

/**
 * Checks a request's declared body size against a limit. Browsers declare the length of every
 * form they post; a body sent in chunks of undeclared length could be of any size, so it is
 * refused too. A request without a body passes.
 */
export function bodyRefusal(headers: Headers, maxBytes: number): BodyRefusal | undefined {
  const length = headers.get('content-length');
  if (length === null) return headers.has('transfer-encoding') ? 'length-required' : undefined;
  const bytes = Number(length);
  return Number.isSafeInteger(bytes) && bytes <= maxBytes ? undefined : 'too-large';
}
