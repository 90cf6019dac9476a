import type { Core } from '@strapi/strapi';

/**
 * What editors work on in the admin panel. News, recalls and service centers join this list
 * when their content types exist. Owners' data (users, vehicles) is never an editor's.
 */
export const EDITOR_CONTENT_TYPES = [
  'api::home-page.home-page',
  'api::news.news',
  'api::news.recall',
  'api::service-center.service-center',
] as const;

/**
 * What editors may read but not change: the catalog makes and models a recall (and a service
 * center) points at. The Content Manager's relation picker lists and searches a target by its
 * main field (the name) only for an admin who may read that field; without this the Editor
 * saw bare document ids and a search for "Bajaj" found nothing.
 */
export const EDITOR_READ_ONLY_CONTENT_TYPES = ['api::catalog.make', 'api::catalog.model'] as const;

const READ_ACTION = 'plugin::content-manager.explorer.read';

const CONTENT_ACTIONS = ['create', 'read', 'update', 'delete', 'publish'].map(
  (action) => `plugin::content-manager.explorer.${action}`,
);

/** The media library, for cover images. */
const MEDIA_ACTIONS = [
  'plugin::upload.read',
  'plugin::upload.configure-view',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
];

interface ActionDefinition {
  actionId: string;
  subjects?: string[];
  section: string;
}

/**
 * Sets the Editor admin role's permissions to exactly the editorial content types (every
 * field, every locale), reading the catalog's makes and models, and the media library, at
 * every boot. Strapi's stock Editor may
 * manage every content type, owners' vehicles included; ours may not.
 */
export async function syncEditorRole(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.service('admin::role');
  const editor = await strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  if (!editor) return;
  const permissionService = strapi.service('admin::permission');
  const contentTypes = strapi.service('admin::content-type');
  const allActions = permissionService.actionProvider.values() as ActionDefinition[];
  const contentActions = allActions
    .filter((action) => CONTENT_ACTIONS.includes(action.actionId))
    .map((action) => ({
      ...action,
      subjects: (action.subjects ?? []).filter(
        (subject) =>
          (EDITOR_CONTENT_TYPES as readonly string[]).includes(subject) ||
          (action.actionId === READ_ACTION &&
            (EDITOR_READ_ONLY_CONTENT_TYPES as readonly string[]).includes(subject)),
      ),
    }));
  const locales = (
    (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>
  ).map((locale) => locale.code);
  const schemas = strapi.contentTypes as unknown as Record<
    string,
    { pluginOptions?: { i18n?: unknown } }
  >;
  const contentPermissions = contentTypes
    .getPermissionsWithNestedFields(contentActions)
    .map((permission: { subject: string; properties?: Record<string, unknown> }) => {
      const localized = Boolean(schemas[permission.subject]?.pluginOptions?.i18n);
      return localized
        ? { ...permission, properties: { ...permission.properties, locales } }
        : permission;
    });
  const mediaPermissions = MEDIA_ACTIONS.filter((actionId) =>
    allActions.some((action) => action.actionId === actionId),
  ).map((action) => ({ action, subject: null, properties: {}, conditions: [] }));
  await roles.assignPermissions(editor.id, [...contentPermissions, ...mediaPermissions]);
}
