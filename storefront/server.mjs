// The portal's HTTP server: `npm start`, the Docker image, the browser tests and the
// benchmarks run this (after `--import ./peer-address.mjs`). Astro's Node adapter runs in
// middleware mode behind it. Its standalone server looked on disk for a static file on every
// request (a stat and an lstat, about 8 % of the portal's CPU under load) before rendering;
// here the built files are listed once at start, and only a request for one of them is
// served from disk, the rest go straight to Astro. Responses are compressed (brotli or gzip,
// as the browser asks): on a phone's slow connection the HTML, stylesheets and scripts are
// several times smaller, which is most of the time a first visit waits.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import send from 'send';

const client = path.join(import.meta.dirname, 'dist', 'client');
const { handler } = await import('./dist/server/entry.mjs');

/** Every file of the client build by URL path: `/favicon.svg`, `/_astro/…`. */
function builtFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtFiles(path.join(dir, entry.name), `${prefix}/${entry.name}`)
      : [`${prefix}/${entry.name}`],
  );
}
const files = new Set(builtFiles(client));

function render(request, response) {
  handler(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) {
      response.writeHead(500);
      response.end('Internal server error');
    }
  });
}

// Text responses of 1 KB and more (HTML, CSS, JS, SVG, JSON, calendars); images and
// documents are compressed already and pass as they are.
const compress = compression();

function serve(request, response) {
  const pathname = (request.url ?? '/').split(/[?#]/, 1)[0];
  try {
    decodeURI(pathname);
  } catch {
    response.writeHead(400);
    response.end('Bad request.');
    return;
  }
  if ((request.method !== 'GET' && request.method !== 'HEAD') || !files.has(pathname)) {
    render(request, response);
    return;
  }
  const stream = send(request, pathname, { root: client });
  stream.on('headers', (headersOf) => {
    // Hashed names: a file's content never changes under its name.
    if (pathname.startsWith('/_astro/')) {
      headersOf.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
  });
  stream.on('error', () => render(request, response));
  stream.pipe(response);
}

const server = http.createServer((request, response) => {
  compress(request, response, () => serve(request, response));
});

const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
server.listen(port, host, () => console.log(`portal listening on http://${host}:${port}`));

// Stop taking connections on SIGTERM and SIGINT; the requests in flight finish first.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
