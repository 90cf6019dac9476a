import { PinMap } from '@strapi/icons';
import { GeocodeAgainAction } from './GeocodeAgainAction';
import { PLUGIN_ID, READ_CENTERS } from './plugin-id';
import { translationId } from './translate';

type Translations = Record<string, string>;

interface ContentManagerApis {
  addDocumentAction(reducer: (actions: unknown[]) => unknown[]): void;
}

/**
 * The admin half: a "Geocoding" menu link (roles that may read centers) to the count of centers
 * that need coordinates with a link to their list, and "Geocode again" in a center's edit view.
 */
export default {
  register(app: { registerPlugin(plugin: unknown): void; addMenuLink(link: unknown): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PinMap,
      intlLabel: { id: translationId('plugin.name'), defaultMessage: 'Geocoding' },
      permissions: [READ_CENTERS],
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Geocoding' });
  },

  bootstrap(app: { getPlugin(id: string): { apis: unknown } | undefined }) {
    const contentManager = app.getPlugin('content-manager')?.apis as ContentManagerApis | undefined;
    contentManager?.addDocumentAction((actions) => [...actions, GeocodeAgainAction]);
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const data: Translations =
          locale === 'en' ? (await import('./translations/en.json')).default : {}; // Nepali: the app's admin locale (src/admin/translations/ne/geocoding.json)
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
