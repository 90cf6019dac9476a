import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { callContextOf } from '~/features/auth/auth.server';
import { clientAddressOf } from './client-address.server';

const PEERS = Symbol.for('motorghar.portal.peerAddress');
const globals = globalThis as Record<symbol, unknown>;

/** A request as Astro's Node adapter hands it over: `clientAddress` is the first XFF value. */
function forged(forwardedFor: string) {
  return {
    request: new Request('http://portal.test/en/login', {
      headers: { 'x-forwarded-for': forwardedFor },
    }),
    clientAddress: forwardedFor.split(',')[0]!.trim(),
  };
}

describe('clientAddressOf (PORTAL_PROXY_HOPS unset, so 0)', () => {
  afterEach(() => {
    delete globals[PEERS];
  });

  it('takes the socket the preload recorded, not the forged header Astro reports', () => {
    const peers = new AsyncLocalStorage<string>();
    globals[PEERS] = peers;

    const address = peers.run('198.51.100.2', () => clientAddressOf(forged('203.0.113.9')));

    expect(address).toBe('198.51.100.2');
  });

  it('gives a new forged header each time the same address', () => {
    const peers = new AsyncLocalStorage<string>();
    globals[PEERS] = peers;

    const seen = new Set(
      ['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4'].map((value) =>
        peers.run('198.51.100.2', () => clientAddressOf(forged(value))),
      ),
    );

    expect([...seen]).toEqual(['198.51.100.2']);
  });
});

describe('callContextOf', () => {
  it("forwards the middleware's address, never Astro's clientAddress", () => {
    const context = {
      locals: { requestId: 'r1', clientAddress: '198.51.100.2' },
      ...forged('6.6.6.6'),
    };

    expect(callContextOf(context as never)).toEqual({
      requestId: 'r1',
      clientAddress: '198.51.100.2',
    });
  });
});
