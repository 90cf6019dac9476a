import { describe, expect, it, vi } from 'vitest';
import { createCsrfToken, CSRF_FIELD } from './csrf';
import { csrfMiddleware } from './csrf.server';
import { CSRF_COOKIE } from './session-cookies';

const PORTAL = 'http://portal.test';
const token = createCsrfToken();

/** A request body that records whether anyone pulled from it (nothing is pulled eagerly). */
function watchedBody(text: string) {
  const state = { pulled: false };
  const bytes = new TextEncoder().encode(text);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        state.pulled = true;
        controller.enqueue(bytes);
        controller.close();
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, state, length: bytes.length };
}

interface PostOptions {
  path?: string;
  /** The CSRF cookie's value; null for none. */
  cookie?: string | null;
  signedIn?: boolean;
  type?: string;
  body?: string;
}

function post({
  path = '/en/garage/v1',
  cookie = token,
  signedIn = true,
  type = 'application/x-www-form-urlencoded',
  body = `${CSRF_FIELD}=${token}&intent=add-note`,
}: PostOptions = {}) {
  const watched = watchedBody(body);
  const request = new Request(`${PORTAL}${path}`, {
    method: 'POST',
    headers: {
      'content-type': type,
      'content-length': String(watched.length),
      'sec-fetch-site': 'same-origin',
      origin: PORTAL,
      host: 'portal.test',
    },
    body: watched.stream,
    duplex: 'half',
  } as RequestInit);
  const jar = new Map(cookie === null ? [] : [[CSRF_COOKIE, cookie]]);
  const context = {
    request,
    url: new URL(request.url),
    locals: { requestId: 'r1', session: signedIn ? { accessToken: 't' } : null } as App.Locals,
    cookies: {
      get: (name: string) => (jar.has(name) ? { value: jar.get(name)! } : undefined),
      set: (name: string, value: string) => jar.set(name, value),
      delete: (name: string) => jar.delete(name),
    },
    redirect: (location: string, status = 302) =>
      new Response(null, { status, headers: { location } }),
  };
  const next = vi.fn(async (rewrite?: Request) =>
    rewrite ? new Response('expired', { status: 403 }) : new Response('page'),
  );
  return { context, next, watched, request };
}

async function run(options: PostOptions = {}) {
  const call = post(options);
  const response = (await csrfMiddleware(call.context as never, call.next as never)) as Response;
  return { ...call, response };
}

describe('csrfMiddleware: refusing a form post before its body is read', () => {
  it('reads the body of a post that carries both cookies (so the probe can see a read)', async () => {
    const { response, watched, next } = await run();

    expect(watched.state.pulled).toBe(true);
    expect(next).toHaveBeenCalledWith();
    expect(response.status).toBe(200);
  });

  it.each([
    ['no CSRF cookie', null],
    ['a malformed CSRF cookie', 'junk'],
  ])('sends a multipart post with %s to "form expired" unread', async (_case, cookie) => {
    const { response, watched, request, next } = await run({
      cookie,
      type: 'multipart/form-data; boundary=x',
      body: `--x\r\nContent-Disposition: form-data; name="files"; filename="a.jpg"\r\n\r\n${'A'.repeat(100_000)}\r\n--x--\r\n`,
    });

    expect(response.status).toBe(403);
    expect(next.mock.calls[0]?.[0]).toBeInstanceOf(Request);
    expect(new URL((next.mock.calls[0]![0] as Request).url).pathname).toBe('/en/form-expired');
    expect(watched.state.pulled).toBe(false);
    expect(request.bodyUsed).toBe(false);
  });

  it.each(['/en/garage/v1', '/en/garage/new', '/en/garage/v1/edit', '/ne/profile'])(
    'sends a signed-out post to %s to the login page unread',
    async (path) => {
      const { response, watched, next } = await run({ path, signedIn: false });

      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(
        `/${path.split('/')[1]}/login?${new URLSearchParams({ next: path })}`,
      );
      expect(next).not.toHaveBeenCalled();
      expect(watched.state.pulled).toBe(false);
    },
  );

  it('still reads the login form of a visitor who is not signed in', async () => {
    const { response, watched } = await run({ path: '/en/login', signedIn: false });

    expect(response.status).toBe(200);
    expect(watched.state.pulled).toBe(true);
  });

  it.each(['application/json', 'text/plain', ''])(
    'answers a body of type %j with 415 unread',
    async (type) => {
      const { response, watched, next } = await run({ type, body: '{"_csrf":"x"}' });

      expect(response.status).toBe(415);
      expect(next).not.toHaveBeenCalled();
      expect(watched.state.pulled).toBe(false);
    },
  );

  it('sends a cross-site post to "form expired" unread', async () => {
    const call = post();
    call.request.headers.set('sec-fetch-site', 'cross-site');
    const response = (await csrfMiddleware(call.context as never, call.next as never)) as Response;

    expect(response.status).toBe(403);
    expect(call.watched.state.pulled).toBe(false);
  });
});
