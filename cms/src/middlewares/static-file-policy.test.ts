import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import staticFilePolicy from './static-file-policy';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'static-policy-'));
const build = path.join(dir, 'dist', 'build');
fs.mkdirSync(build, { recursive: true });
fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html>');
fs.mkdirSync(path.join(dir, 'public'), { recursive: true });
fs.writeFileSync(path.join(dir, 'public', 'page.html'), '<!doctype html>');

async function serve(file: string, type: string, matchedRoute: string) {
  const headers: Record<string, string> = {};
  const ctx = {
    _matchedRoute: matchedRoute,
    body: undefined as unknown,
    response: { type },
    set(name: string, value: string) {
      headers[name] = value;
    },
    set type(value: string) {
      this.response.type = value;
    },
    get type() {
      return this.response.type;
    },
  };
  const middleware = staticFilePolicy(
    {},
    { strapi: { dirs: { dist: { root: path.dirname(build) } } } },
  );
  await middleware(ctx as unknown as Parameters<typeof middleware>[0], async () => {
    ctx.body = fs.createReadStream(file);
  });
  (ctx.body as fs.ReadStream).destroy();
  return { type: ctx.response.type, headers };
}

describe('static file policy', () => {
  it('serves the admin panel bundle as the page it is', async () => {
    const served = await serve(path.join(build, 'index.html'), 'text/html', '/admin/:path*');
    expect(served.type).toBe('text/html');
    expect(served.headers['Content-Disposition']).toBeUndefined();
  });

  it('still serves an HTML file from public/ only as a sandboxed download', async () => {
    const served = await serve(
      path.join(dir, 'public', 'page.html'),
      'text/html',
      '/((?!uploads/).+)',
    );
    expect(served.type).toBe('application/octet-stream');
    expect(served.headers['Content-Disposition']).toBe('attachment');
  });

  it('does not take a look-alike folder beside the build for the admin bundle', async () => {
    const beside = `${build}-evil`;
    fs.mkdirSync(beside, { recursive: true });
    fs.writeFileSync(path.join(beside, 'x.html'), '<!doctype html>');
    const served = await serve(path.join(beside, 'x.html'), 'text/html', '/admin/:path*');
    expect(served.headers['Content-Disposition']).toBe('attachment');
  });
});
