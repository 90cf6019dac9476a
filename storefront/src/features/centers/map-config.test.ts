import { describe, expect, it } from 'vitest';
import { securityHeaders } from '~/lib/security-headers';
import { mapTiles, tileOrigin } from './map-config';

describe('mapTiles', () => {
  it('is none unless a tile template is configured (the outline map is drawn instead)', () => {
    expect(mapTiles(undefined, undefined)).toBeNull();
    expect(mapTiles('', 'x')).toBeNull();
    expect(mapTiles('javascript:alert(1)/{z}/{x}/{y}', '')).toBeNull();
    expect(mapTiles('https://tiles.example.org/static.png', '')).toBeNull();
  });

  it('takes an http(s) template with its attribution', () => {
    expect(
      mapTiles('https://{s}.tile.example.org/{z}/{x}/{y}.png', '© OpenStreetMap contributors'),
    ).toEqual({
      url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
    });
  });
});

describe('tileOrigin', () => {
  it('is the origin the CSP must allow for images, subdomains as a wildcard', () => {
    expect(tileOrigin('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe(
      'https://*.tile.example.org',
    );
    expect(tileOrigin('http://127.0.0.1:8080/{z}/{x}/{y}.png')).toBe('http://127.0.0.1:8080');
    expect(tileOrigin(undefined)).toBeUndefined();
    expect(tileOrigin("https://a.example.org; script-src 'unsafe-inline'/{z}")).toBeUndefined();
  });

  it('ends up in img-src only', () => {
    const csp = securityHeaders({ dev: false, imageOrigins: ['https://*.tile.example.org'] })[
      'Content-Security-Policy'
    ];
    expect(csp).toContain("img-src 'self' data: blob: https://*.tile.example.org;");
    expect(csp).toContain("connect-src 'self';");
  });
});
