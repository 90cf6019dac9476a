// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig, envField } from 'astro/config';

/** @type {{ defaultLocale: string, locales: string[] }} */
const localeSettings = JSON.parse(
  readFileSync(new URL('./src/i18n/locales.json', import.meta.url), 'utf8'),
);

export default defineConfig({
  output: 'server',
  // server.mjs serves it: static files it knows, everything else rendered.
  adapter: node({ mode: 'middleware' }),
  integrations: [react()],
  i18n: {
    locales: localeSettings.locales,
    defaultLocale: localeSettings.defaultLocale,
    // `/` is answered by src/pages/index.astro, which sends a visitor to their remembered
    // locale instead of always to the default one.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  // Astro's own origin check compares `Origin` with a URL whose host is `localhost` unless
  // `security.allowedDomains` lists the public host at build time, so it would refuse every
  // form of an image deployed under any name. The CSRF middleware checks `Sec-Fetch-Site`,
  // `Origin` against `Host`, and a double-submit token instead, with a localized 403 page.
  security: { checkOrigin: false },
  env: {
    schema: {
      // Secret access makes Astro read it at run time; public server variables are inlined
      // into the bundle at build time, so one image could not point at different CMSes.
      CMS_URL: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        default: 'http://localhost:1337',
      }),
      // Unset: session cookies are `Secure` in production builds (and on https in dev).
      // `false` serves them over plain http, as the browser tests on 127.0.0.1 need.
      COOKIE_SECURE: envField.boolean({ context: 'server', access: 'secret', optional: true }),
      // How many proxies in front of the portal append to X-Forwarded-For: 0 (none) takes the
      // visitor's address from the socket, N the N-th value from the right (README:
      // "Client addresses"). Read at run time, so one image fits both.
      PORTAL_PROXY_HOPS: envField.number({
        context: 'server',
        access: 'secret',
        int: true,
        min: 0,
        default: 0,
      }),
      // The bucket the CMS stores uploads in (S3_ENDPOINT plus, unless path-style, nothing
      // else): pictures there are fetched by the portal and served from its own origin.
      MEDIA_ORIGIN: envField.string({
        context: 'server',
        access: 'secret',
        url: true,
        optional: true,
      }),
      // The finder's map tiles (features/centers/map-config.ts); unset, the map draws Nepal's
      // outline from bundled data. Read at run time, like the rest.
      MAP_TILE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MAP_TILE_ATTRIBUTION: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
      }),
    },
  },
  // Linked stylesheets only, so the CSP needs no 'unsafe-inline' for styles.
  build: { inlineStylesheets: 'never' },
  vite: {
    // nepali-date-converter's CommonJS build puts the class on `default`, which Node's ESM
    // import does not unwrap: bundling it lets Vite resolve its ES module build instead.
    ssr: { noExternal: ['nepali-date-converter'] },
    // Fonts stay files, however small: the CSP allows fonts from 'self' only, and a preload
    // needs an address (the ~3 KB language-name face would otherwise be inlined as data:).
    build: {
      assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
    },
    // `~/` is src/, as tsconfig.json's `paths` tells the type checker. Astro derives an alias
    // from `paths` too, but only as a last-resort resolver; declared here it resolves first,
    // the same way in `astro dev`, the build and Vitest (which loads this config).
    resolve: {
      alias: [{ find: /^~\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }],
    },
  },
});
