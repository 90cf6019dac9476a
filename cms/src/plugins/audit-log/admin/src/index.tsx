import { PLUGIN_ID, READ_PERMISSION } from './plugin-id';

/** The admin half of the plugin: one menu link to the audit page, visible with `read`. */
export default {
  register(app: { addMenuLink(link: unknown): void; registerPlugin(plugin: unknown): void }) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: () => null,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Audit log' },
      permissions: [READ_PERMISSION],
      Component: () =>
        import('./pages/AuditLogPage').then((module) => ({ default: module.AuditLogPage })),
    });
    app.registerPlugin({ id: PLUGIN_ID, name: 'Audit log' });
  },
};
