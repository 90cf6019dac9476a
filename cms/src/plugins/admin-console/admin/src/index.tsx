import { Bell, Calendar, Car, PinMap, User, WarningCircle } from '@strapi/icons';
import { INJECT_COLUMN_IN_TABLE, injectColumns } from './columns';
import { PLUGIN_ID } from './plugin-id';
import { message, translationId, type MessageKey } from './translate';

type Translations = Record<string, string>;
type WidgetModule = typeof import('./widgets');

const widget = (id: string, title: MessageKey, icon: unknown, component: keyof WidgetModule) => ({
  id,
  pluginId: PLUGIN_ID,
  icon,
  title: message(title),
  component: () => import('./widgets').then((module) => module[component]),
});

/**
 * The admin half: MotorGhar's homepage widgets (Widget API, Strapi 5.13+) and the list
 * columns that show names instead of ids. The figures come from the plugin's admin routes.
 */
export default {
  register(app: {
    registerPlugin(plugin: unknown): void;
    widgets: { register(widgets: unknown): void };
  }) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Admin console' });
    app.widgets.register([
      widget('owners', 'widget.owners.title', User, 'OwnersWidget'),
      widget('vehicles', 'widget.vehicles.title', Car, 'VehiclesWidget'),
      widget('services-due', 'widget.services.title', Calendar, 'ServicesDueWidget'),
      widget('deliveries', 'widget.deliveries.title', Bell, 'DeliveriesWidget'),
      widget('recalls', 'widget.recalls.title', WarningCircle, 'RecallsWidget'),
      widget('centers', 'widget.centers.title', PinMap, 'CentersWidget'),
    ]);
  },

  bootstrap(app: { registerHook(name: string, fn: unknown): void }) {
    app.registerHook(INJECT_COLUMN_IN_TABLE, injectColumns);
  },

  /** Messages for each admin locale (English and Nepali), keys prefixed with the plugin id. */
  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        let data: Translations = {};
        if (locale === 'en') data = (await import('./translations/en.json')).default;
        // Nepali: the app's admin locale (src/admin/translations/ne/admin-console.json).
        return {
          locale,
          data: Object.fromEntries(
            Object.entries(data).map(([key, value]) => [translationId(key as MessageKey), value]),
          ),
        };
      }),
    );
  },
};
