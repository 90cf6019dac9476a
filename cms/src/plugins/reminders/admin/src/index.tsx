import { Bell } from '@strapi/icons';
import { PLUGIN_ID, READ_PERMISSION } from './plugin-id';
import { translationId } from './translate';

type Translations = Record<string, string>;

/**
 * The admin half: one menu link, shown to roles given `plugin::reminders.read`, opening the
 * deliveries page (retry needs `plugin::reminders.retry` as well).
 */
export default {
  register(app: { registerPlugin(plugin: unknown): void; addMenuLink(link: unknown): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Bell,
      intlLabel: { id: translationId('plugin.name'), defaultMessage: 'Reminder deliveries' },
      permissions: [READ_PERMISSION],
      Component: () => import('./pages/App').then((module) => ({ default: module.App })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Reminder deliveries' });
  },

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
