import { PLUGIN_ID } from './plugin-id';

/**
 * The admin half of the plugin, bundled from this source by the app's own `strapi build`.
 * The audit page (menu link guarded by READ_PERMISSION) is not written yet: until then the
 * plugin only registers itself, and the admin API under /audit-log serves the data.
 */
export default {
  register(app: { registerPlugin(plugin: unknown): void }) {
    app.registerPlugin({ id: PLUGIN_ID, name: 'Audit log' });
  },
};
