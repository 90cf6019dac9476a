import { describe, expect, it, vi } from 'vitest';
import { createCsrfToken, CSRF_HEADER } from '~/features/auth/csrf';
import { csrfMiddleware } from '~/features/auth/csrf.server';
import { CSRF_COOKIE } from '~/features/auth/session-cookies';

const PORTAL = 'http://portal.test';
const token = createCsrfToken();
const UPLOAD = `/api/documents/uploads/${'a'.repeat(24)}`;

/** A raw PUT of a PNG's bytes, as the island sends an upload on the embedded default. */
async function put(path: string, header: string | undefined) {
  const request = new Request(`${PORTAL}${path}?token=cap`, {
    method: 'PUT',
    headers: {
      'content-type': 'image/png',
      'content-length': '4',
      'sec-fetch-site': 'same-origin',
      origin: PORTAL,
      host: 'portal.test',
      ...(header === undefined ? {} : { [CSRF_HEADER]: header }),
    },
    body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  });
  const context = {
    request,
    url: new URL(request.url),
    locals: { requestId: 'r1', session: { accessToken: 't' } } as App.Locals,
    cookies: {
      get: (name: string) => (name === CSRF_COOKIE ? { value: token } : undefined),
      set: () => {},
      delete: () => {},
    },
    redirect: (location: string, status = 302) =>
      new Response(null, { status, headers: { location } }),
  };
  const next = vi.fn(async (rewrite?: Request) =>
    rewrite ? new Response('expired', { status: 403 }) : new Response('forwarded'),
  );
  const response = (await csrfMiddleware(context as never, next as never)) as Response;
  return { response, next };
}

describe('the upload PUT and the CSRF check', () => {
  it('lets the raw bytes through with the token in the header', async () => {
    const { response } = await put(UPLOAD, token);

    expect(await response.text()).toBe('forwarded');
  });

  it('refuses the PUT without the header, or with another token', async () => {
    expect((await put(UPLOAD, undefined)).response.status).toBe(403);
    expect((await put(UPLOAD, createCsrfToken())).response.status).toBe(403);
  });

  it('still refuses raw bytes anywhere else (415)', async () => {
    expect((await put('/en/documents', token)).response.status).toBe(415);
  });
});
