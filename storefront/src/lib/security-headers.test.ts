import { createHash } from 'node:crypto';
import islandBootstrap from 'astro/runtime/server/astro-island.prebuilt.js';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('allows same-origin and hashed inline scripts and styles only, and forbids framing', () => {
    const csp = securityHeaders({ dev: false })['Content-Security-Policy'];

    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self'( 'sha256-[\w+/]+=*')+;/);
    expect(csp).toMatch(/style-src 'self'( 'sha256-[\w+/]+=*')+;/);
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('lets the browser send uploads to the bucket it is given, and nowhere else', () => {
    const withBucket = securityHeaders({
      dev: false,
      uploadOrigins: ['https://files.example.com'],
    })['Content-Security-Policy'];

    expect(withBucket).toContain("connect-src 'self' https://files.example.com;");
    expect(securityHeaders({ dev: false })['Content-Security-Policy']).toContain(
      "connect-src 'self';",
    );
    expect(
      securityHeaders({ dev: true, uploadOrigins: ['https://files.example.com'] })[
        'Content-Security-Policy'
      ],
    ).toContain("connect-src 'self' ws: wss: https://files.example.com;");
  });

  it("allows Astro's island bootstrap by its hash, not by 'unsafe-inline'", () => {
    const csp = securityHeaders({ dev: false })['Content-Security-Policy'];
    const hash = createHash('sha256').update(islandBootstrap).digest('base64');

    expect(csp).toContain(`'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sets nosniff and a referrer policy', () => {
    expect(securityHeaders({ dev: false })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });

  it('tells browsers to use https only for a year, subdomains included, in production', () => {
    expect(securityHeaders({ dev: false })['Strict-Transport-Security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('sends no HSTS from the dev server, which speaks plain http', () => {
    expect(securityHeaders({ dev: true })).not.toHaveProperty('Strict-Transport-Security');
  });

  it('loosens the CSP only for the dev server', () => {
    expect(securityHeaders({ dev: true })['Content-Security-Policy']).toContain('unsafe-inline');
  });
});
