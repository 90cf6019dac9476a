// @ts-check
import { readFileSync } from 'node:fs';
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig, envField } from 'astro/config';

/** @type {{ defaultLocale: string, locales: string[] }} */
const localeSettings = JSON.parse(
  readFileSync(new URL('./src/i18n/locales.json', import.meta.url), 'utf8'),
);

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  i18n: {
    locales: localeSettings.locales,
    defaultLocale: localeSettings.defaultLocale,
    routing: { prefixDefaultLocale: true },
  },
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
    },
  },
  // Linked stylesheets only, so the CSP needs no 'unsafe-inline' for styles.
  build: { inlineStylesheets: 'never' },
});
