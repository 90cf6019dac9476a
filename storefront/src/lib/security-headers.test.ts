import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('allows only same-origin scripts and styles and forbids framing in production', () => {
    const csp = securityHeaders({ dev: false })['Content-Security-Policy'];

    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sets nosniff and a referrer policy', () => {
    expect(securityHeaders({ dev: false })).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
  });

  it('loosens the CSP only for the dev server', () => {
    expect(securityHeaders({ dev: true })['Content-Security-Policy']).toContain('unsafe-inline');
  });
});
