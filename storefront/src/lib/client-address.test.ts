import { describe, expect, it } from 'vitest';
import { resolveClientAddress } from './client-address';

const peer = '198.51.100.2';

describe('resolveClientAddress with PORTAL_PROXY_HOPS=0 (nothing in front of the portal)', () => {
  it.each([
    ['no header', null],
    ['a forged address', '203.0.113.9'],
    ['a forged chain', '203.0.113.9, 192.0.2.1'],
    ['junk', 'not-an-address'],
  ])('takes the socket address whatever the header says (%s)', (_case, forwardedFor) => {
    expect(resolveClientAddress({ peer, forwardedFor, hops: 0 })).toBe(peer);
  });

  it('vouches for no address when the socket is unknown', () => {
    expect(
      resolveClientAddress({ peer: undefined, forwardedFor: '203.0.113.9', hops: 0 }),
    ).toBeUndefined();
  });
});

describe('resolveClientAddress with PORTAL_PROXY_HOPS=1 (one TLS proxy in front)', () => {
  it('takes what the proxy appended, not what the caller wrote before it', () => {
    expect(resolveClientAddress({ peer, forwardedFor: '203.0.113.9, 192.0.2.44', hops: 1 })).toBe(
      '192.0.2.44',
    );
    expect(
      resolveClientAddress({ peer, forwardedFor: '1.1.1.1,2.2.2.2 , 192.0.2.44', hops: 1 }),
    ).toBe('192.0.2.44');
  });

  it('changes nothing when the caller writes a new header each time', () => {
    const seen = new Set(
      Array.from({ length: 20 }, (_, i) =>
        resolveClientAddress({ peer, forwardedFor: `10.0.0.${i}, 192.0.2.44`, hops: 1 }),
      ),
    );
    expect([...seen]).toEqual(['192.0.2.44']);
  });

  it('takes the socket when no proxy added a header', () => {
    expect(resolveClientAddress({ peer, forwardedFor: null, hops: 1 })).toBe(peer);
    expect(resolveClientAddress({ peer, forwardedFor: ' , ', hops: 1 })).toBe(peer);
  });

  it('keeps an IPv6 address and refuses a value that is no address', () => {
    expect(resolveClientAddress({ peer, forwardedFor: 'x, 2001:db8::1', hops: 1 })).toBe(
      '2001:db8::1',
    );
    expect(resolveClientAddress({ peer, forwardedFor: '1.2.3.4, junk', hops: 1 })).toBeUndefined();
  });
});

describe('resolveClientAddress with PORTAL_PROXY_HOPS=2', () => {
  it('counts two hops from the right', () => {
    expect(
      resolveClientAddress({ peer, forwardedFor: '203.0.113.9, 192.0.2.44, 10.0.0.5', hops: 2 }),
    ).toBe('192.0.2.44');
  });

  it('takes the leftmost value of a shorter chain', () => {
    expect(resolveClientAddress({ peer, forwardedFor: '192.0.2.44', hops: 2 })).toBe('192.0.2.44');
  });
});
