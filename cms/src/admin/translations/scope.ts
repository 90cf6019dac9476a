/**
 * Which admin message catalogues the Nepali admin locale covers (issue 11, item 6), and how
 * their keys are named once Strapi merges them. Read by `ne.ts` (to prefix the keys) and by
 * `cms/tests/admin-translations.test.ts` (to count coverage against the installed English).
 *
 * In scope: what admins and editors use day to day — sign-in, navigation, homepage and its
 * widgets, profile, admin users and roles (`@strapi/admin`, minus the prefixes listed in
 * `outOfScope`), the content manager, the media library, the end-user roles and permissions
 * plugin, the locale switcher of the i18n plugin, this project's plugins, and this project's
 * content types and fields. Everything else falls back to English.
 */
export interface Catalogue {
  /** File name under translations/ne/ (without .json). */
  file: string;
  /** Installed English catalogue, relative to the repository's node_modules. */
  english: string;
  /** Prefix Strapi adds when it merges the plugin's keys ('' for the admin's own keys). */
  prefix: string;
  /** Keys starting with one of these are out of scope and stay in English. */
  outOfScope: string[];
}

export const STRAPI_CATALOGUES: Catalogue[] = [
  {
    file: 'admin',
    english: '@strapi/admin/dist/admin/admin/src/translations/en.json.js',
    prefix: '',
    outOfScope: [
      // Guided tour, onboarding survey, help popover and "what's new" cards: shown once to the
      // first Super Admin of a fresh project, never to editors.
      'tours.',
      'Usecase.',
      'app.components.GuidedTour',
      'app.components.Onboarding',
      'app.components.BlockLink',
      'app.components.NpsSurvey',
      // Paid plans, trials, marketplace and upsells: not part of this self-hosted project.
      'app.components.FreeTrial',
      'app.components.UpsellBanner',
      'app.components.PluginCard',
      'app.components.ListPluginsPage',
      'app.components.InstallPluginPage',
      'app.components.listPlugins',
      'app.components.Official',
      'app.components.DownloadInfo',
      'app.components.MediaLibraryBanner',
      'components.premiumFeature',
      'Settings.page.',
      'Settings.sso',
      'Settings.content-history',
      'Settings.permissions.auditLogs', // Strapi's paid audit log; ours is the audit-log plugin
      // Developer settings: API, admin and transfer tokens, webhooks, the application page
      // (logo, version, plan) and the editor and live-reload overlays used while developing.
      'Settings.application',
      'Settings.webhooks',
      'Settings.apiTokens',
      'Settings.adminTokens',
      'Settings.transferTokens',
      'Settings.tokens',
      'Settings.sessions',
      'components.ProductionBlocker',
      'components.AutoReloadBlocker',
      'components.OverlayBlocker',
      'app.components.ComingSoonPage',
      'app.components.InputFile',
      'app.components.ImgPreview',
      // Rich-text editors: no content type of this project has a blocks or markdown field.
      'components.Blocks',
      'components.Wysiwyg',
    ],
  },
  {
    file: 'content-manager',
    english: '@strapi/content-manager/dist/admin/translations/en.json.js',
    prefix: 'content-manager.',
    outOfScope: [],
  },
  {
    file: 'upload',
    english: '@strapi/upload/dist/admin/translations/en.json.js',
    prefix: 'upload.',
    outOfScope: [],
  },
  {
    file: 'users-permissions',
    english: '@strapi/plugin-users-permissions/dist/admin/translations/en.json.js',
    prefix: 'users-permissions.',
    outOfScope: [],
  },
  {
    file: 'i18n',
    english: '@strapi/i18n/dist/admin/translations/en.json.js',
    prefix: 'i18n.',
    outOfScope: [],
  },
];

/** This project's plugins with an admin: their English is cms/src/plugins/<id>/admin/src/translations/en.json. */
export const PROJECT_PLUGINS = [
  'audit-log',
  'reminders',
  'geocoding',
  'content-import',
  'admin-console',
] as const;

export const inScope = (catalogue: Catalogue, key: string) =>
  !catalogue.outOfScope.some((prefix) => key.startsWith(prefix));
