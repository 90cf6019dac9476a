import { Upload } from '@strapi/icons';
import { IMPORT_PERMISSIONS, PLUGIN_ID } from './plugin-id';
import { translationId } from './translate';

type Translations = Record<string, string>;

/** The admin half: one menu link, for admins who may create news or recalls. */
export default {
  register(app: { registerPlugin(plugin: unknown): void; addMenuLink(link: unknown): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Upload,
      intlLabel: { id: translationId('plugin.name'), defaultMessage: 'Content import' },
      permissions: IMPORT_PERMISSIONS,
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Content import' });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const data: Translations =
          locale === 'en' ? (await import('./translations/en.json')).default : {}; // Nepali: the app's admin locale (src/admin/translations/ne/content-import.json)
        return {
          locale,
          data: Object.fromEntries(
            Object.entries(data).map(([key, value]) => [translationId(key), value]),
          ),
        };
      }),
    );
  },
};
