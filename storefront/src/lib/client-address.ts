import { isIP } from 'node:net';

interface ClientAddressInputs {
  /** The address of the socket the request came in on, when known. */
  peer: string | undefined;
  /** The request's X-Forwarded-For header (all of its values), or null. */
  forwardedFor: string | null;
  /** How many proxies in front of the portal append to X-Forwarded-For (PORTAL_PROXY_HOPS). */
  hops: number;
}

/**
 * The visitor's address, as far as the portal can vouch for it. Without a trusted proxy it is
 * the socket's; behind `hops` proxies it is the value the outermost of them appended, counted
 * from the right of X-Forwarded-For (what the caller wrote is to the left of it and never
 * used). A header shorter than `hops` gives its leftmost value, as Koa and Express do. Anything
 * that is not an IP address gives undefined: the CMS then counts the portal's own address.
 */
export function resolveClientAddress({
  peer,
  forwardedFor,
  hops,
}: ClientAddressInputs): string | undefined {
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  const address = hops === 0 || chain.length === 0 ? peer : chain[Math.max(0, chain.length - hops)];
  return address !== undefined && isIP(address) !== 0 ? address : undefined;
}
