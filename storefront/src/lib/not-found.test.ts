import { describe, expect, it } from 'vitest';
import { notFoundRequest } from './not-found';

const ORIGIN_PATHNAME = Symbol.for('astro.originPathname');

describe('the request a page rewrites to when nothing is found', () => {
  it('is a bodiless GET of /404, even when a form post with a read body asked', async () => {
    const post = new Request('http://portal.test/ne/garage/gone', {
      method: 'POST',
      headers: { cookie: 'mg_locale=ne', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'intent=add-note&body=x',
    });
    await post.formData();

    const request = notFoundRequest({ url: new URL(post.url), request: post });

    expect(request.method).toBe('GET');
    expect(request.body).toBeNull();
    expect(new URL(request.url).pathname).toBe('/404');
    expect(request.headers.get('cookie')).toBe('mg_locale=ne');
  });

  it('keeps the path first asked for, which the 404 page speaks the language of', () => {
    const asked = new Request('http://portal.test/ne/garage/gone');
    const first = notFoundRequest({ url: new URL(asked.url), request: asked });
    expect(decodeURIComponent(Reflect.get(first, ORIGIN_PATHNAME) as string)).toBe(
      '/ne/garage/gone',
    );

    // A rewrite of a rewrite still names the first path.
    const again = notFoundRequest({ url: new URL(first.url), request: first });
    expect(decodeURIComponent(Reflect.get(again, ORIGIN_PATHNAME) as string)).toBe(
      '/ne/garage/gone',
    );
  });
});
