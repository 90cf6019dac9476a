import { ClockCounterClockwise } from '@strapi/icons';
import { PLUGIN_ID, READ_PERMISSION } from './plugin-id';
import { translationId } from './translate';

type Translations = Record<string, string>;

/**
 * The admin half of the plugin, bundled from this source by the app's own `strapi build`:
 * one menu link, shown only to roles given `plugin::audit-log.read` (the same action the
 * admin API under /audit-log requires), opening the audit page.
 */
export default {
  register(app: { registerPlugin(plugin: unknown): void; addMenuLink(link: unknown): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: ClockCounterClockwise,
      intlLabel: { id: translationId('plugin.name'), defaultMessage: 'Audit log' },
      permissions: [READ_PERMISSION],
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Audit log' });
  },

  /**
   * Messages for each admin locale, keys prefixed with the plugin id. The admin panel offers
   * English only (no `ne` among Strapi's admin locales), so other locales fall back to it.
   */
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const data: Translations =
          locale === 'en' ? (await import('./translations/en.json')).default : {};
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
