import { z } from 'astro/zod';
import { describe, expect, it, vi } from 'vitest';
import { createCmsApi, parseRetryAfter, type CmsApiOptions } from './cms-api';

const context = { requestId: 'req-1', clientAddress: '203.0.113.7' };

function apiWith(respond: NonNullable<CmsApiOptions['fetch']>) {
  const fetch = vi.fn(respond);
  const onProblem = vi.fn();
  return { call: createCmsApi({ baseUrl: 'http://cms.test', fetch, onProblem }), fetch, onProblem };
}

describe('createCmsApi', () => {
  it('posts JSON with the bearer token, request id and visitor address', async () => {
    const { call, fetch } = apiWith(async () => Response.json({ ok: true }));

    const result = await call({
      method: 'POST',
      path: '/api/auth/logout',
      body: { refreshToken: 'r' },
      token: 'access',
      schema: z.object({ ok: z.boolean() }),
      context,
    });

    expect(result).toEqual({ ok: true, data: { ok: true } });
    const [url, init] = fetch.mock.calls[0]!;
    const headers = new Headers(init?.headers);
    expect(String(url)).toBe('http://cms.test/api/auth/logout');
    expect(init?.body).toBe('{"refreshToken":"r"}');
    expect(headers.get('authorization')).toBe('Bearer access');
    expect(headers.get('x-request-id')).toBe('req-1');
    expect(headers.get('x-forwarded-for')).toBe('203.0.113.7');
  });

  it('sends a form of files as it is, so fetch writes the multipart boundary', async () => {
    const { call, fetch } = apiWith(async () => Response.json({ ok: true }, { status: 201 }));
    const form = new FormData();
    form.append('files', new File(['png'], 'bike.png', { type: 'image/png' }));

    await call({ method: 'POST', path: '/api/x', body: form, schema: z.unknown(), context });

    const [, init] = fetch.mock.calls[0]!;
    expect(init?.body).toBe(form);
    expect(new Headers(init?.headers).has('content-type')).toBe(false);
  });

  it('gives up on a call after its own timeout', async () => {
    const { call } = apiWith(
      (_url, init) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(() => resolve(Response.json({ ok: true })), 30);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(init.signal!.reason as Error);
          });
        }),
    );
    const request = { method: 'GET', path: '/api/x', schema: z.unknown(), context } as const;

    expect(await call({ ...request, timeoutMs: 5 })).toMatchObject({
      ok: false,
      problem: { kind: 'unreachable' },
    });
    expect(await call({ ...request, timeoutMs: 1000 })).toEqual({ ok: true, data: { ok: true } });
  });

  it("keeps Strapi's error and the Retry-After of a refusal", async () => {
    const body = {
      data: null,
      error: { status: 429, name: 'RateLimitError', message: 'Too many', details: {} },
    };
    const { call } = apiWith(async () =>
      Response.json(body, { status: 429, headers: { 'Retry-After': '120' } }),
    );

    const result = await call({
      method: 'POST',
      path: '/api/auth/local',
      schema: z.unknown(),
      context,
    });

    expect(result).toEqual({
      ok: false,
      problem: {
        kind: 'rejected',
        status: 429,
        name: 'RateLimitError',
        message: 'Too many',
        details: {},
        retryAfterSeconds: 120,
      },
    });
  });

  it('reports an unreachable CMS without throwing, and without the body', async () => {
    const { call, onProblem } = apiWith(async () => {
      throw new TypeError('fetch failed');
    });

    const result = await call({
      method: 'POST',
      path: '/api/auth/local',
      body: { password: 'secret' },
      schema: z.unknown(),
      context,
    });

    expect(result).toMatchObject({ ok: false, problem: { kind: 'unreachable' } });
    expect(JSON.stringify(onProblem.mock.calls)).not.toContain('secret');
  });

  it('refuses an answer of the wrong shape', async () => {
    const { call } = apiWith(async () => Response.json({ jwt: 42 }));

    const result = await call({
      method: 'GET',
      path: '/api/profile',
      schema: z.object({ jwt: z.string() }),
      context,
    });

    expect(result).toMatchObject({ ok: false, problem: { kind: 'invalid-response', status: 200 } });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');

    expect(parseRetryAfter('90')).toBe(90);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:02:00 GMT', now)).toBe(120);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
