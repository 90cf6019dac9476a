import type { APIContext } from 'astro';
import { PORTAL_PROXY_HOPS } from 'astro:env/server';
import { resolveClientAddress } from './client-address';

type AddressContext = Pick<APIContext, 'request' | 'clientAddress'>;

/** Where peer-address.mjs (preloaded by `npm start` and the image) keeps each socket's address. */
const PEERS = Symbol.for('motorghar.portal.peerAddress');

interface PeerStore {
  getStore(): string | undefined;
}

/**
 * The socket's address. The preload knows it; otherwise Astro's `clientAddress` is the
 * socket's only when no X-Forwarded-For was sent (the dev server always uses the socket).
 */
function peerAddress(context: AddressContext): string | undefined {
  const peers = (globalThis as Record<symbol, PeerStore | undefined>)[PEERS];
  if (peers) return peers.getStore();
  if (import.meta.env.PROD && context.request.headers.has('x-forwarded-for')) return undefined;
  try {
    return context.clientAddress;
  } catch {
    // Not every adapter knows the address.
    return undefined;
  }
}

/**
 * The visitor's address for this request, from the socket or exactly PORTAL_PROXY_HOPS trusted
 * proxies (see `resolveClientAddress`); never the first X-Forwarded-For value Astro reports.
 */
export function clientAddressOf(context: AddressContext): string | undefined {
  return resolveClientAddress({
    peer: peerAddress(context),
    forwardedFor: context.request.headers.get('x-forwarded-for'),
    hops: PORTAL_PROXY_HOPS,
  });
}
