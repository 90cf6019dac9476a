import { describe, expect, it } from 'vitest';
import { formDataOf, readForm } from './form-data';

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://portal.test/en/login', { method: 'POST', body, headers });

describe('formDataOf', () => {
  it('parses a body once, so the CSRF check and the page both read it', async () => {
    const form = new FormData();
    form.set('_csrf', 'token');
    form.set('files', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'a.png');
    const request = post(form);

    const first = await formDataOf(request);
    expect(request.bodyUsed).toBe(true);
    const second = await formDataOf(request);

    expect(second).toBe(first);
    const fields = await readForm(request);
    expect(fields.text('_csrf')).toBe('token');
    expect(fields.all('files')).toHaveLength(1);
  });

  it('reads a body that is not a form as an empty form', async () => {
    const fields = await readForm(post('{"a":1}', { 'content-type': 'application/json' }));
    expect(fields.text('a')).toBe('');
    expect(fields.checked('a')).toBe(false);
  });
});
