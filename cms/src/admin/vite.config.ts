/**
 * Strapi 5.54 lists a locale in the profile's interface-language menu (and keeps it across
 * reloads) only when its own `languageNativeNames` table names it, and that table has no
 * Nepali. Adding `ne` to `config.locales` in app.tsx loads the messages but the menu would not
 * offer them. Rather than patch node_modules, the admin bundle gets `ne: 'नेपाली'` added to the
 * table as it is built: a Rollup transform for `strapi build`, an esbuild plugin for the
 * pre-bundled dependencies of `strapi develop`. If an upgrade renames the table, the build
 * fails here instead of silently dropping Nepali (and admin-translations.test.ts fails first).
 */
import fs from 'node:fs';

export const NEPALI_NAME = 'नेपाली';
const FILE = /[\\/]translations[\\/]languageNativeNames\.m?js$/;
const TABLE = 'const languageNativeNames = {';

export function withNepali(code: string): string {
  if (!code.includes(TABLE)) {
    throw new Error('@strapi/admin changed languageNativeNames: cannot add Nepali (ne)');
  }
  return code.includes(`ne: '${NEPALI_NAME}'`)
    ? code
    : code.replace(TABLE, `${TABLE}\n    ne: '${NEPALI_NAME}',`);
}

export const nepaliLanguageName = {
  name: 'motorghar-nepali-language-name',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    return FILE.test(id.split('?')[0]) ? { code: withNepali(code), map: null } : null;
  },
};

const esbuildNepali = {
  name: 'motorghar-nepali-language-name',
  setup(build: {
    onLoad: (
      options: { filter: RegExp },
      callback: (args: { path: string }) => { contents: string; loader: 'js' },
    ) => void;
  }) {
    build.onLoad({ filter: FILE }, (args) => ({
      contents: withNepali(fs.readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

interface ViteConfig {
  plugins?: unknown[];
  optimizeDeps?: { esbuildOptions?: { plugins?: unknown[] } } & Record<string, unknown>;
  [key: string]: unknown;
}

export default (config: ViteConfig): ViteConfig => ({
  ...config,
  plugins: [...(config.plugins ?? []), nepaliLanguageName],
  optimizeDeps: {
    ...config.optimizeDeps,
    esbuildOptions: {
      ...config.optimizeDeps?.esbuildOptions,
      plugins: [...(config.optimizeDeps?.esbuildOptions?.plugins ?? []), esbuildNepali],
    },
  },
});
