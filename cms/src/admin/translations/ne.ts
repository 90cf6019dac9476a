/**
 * The Nepali admin locale: one flat object of message ids, as `config.translations.ne` in
 * app.tsx expects. Each file under ne/ holds one catalogue with the keys of its English
 * original; here they get the prefix Strapi gives them when it merges plugin catalogues.
 * Content types and fields: the content manager looks up a type's display name under the
 * display name itself and a field's label under `content-manager.content-types.<uid>.<field>`.
 */
import admin from './ne/admin.json';
import adminConsole from './ne/admin-console.json';
import auditLog from './ne/audit-log.json';
import contentImport from './ne/content-import.json';
import contentManager from './ne/content-manager.json';
import contentTypes from './ne/content-types.json';
import extra from './ne/extra.json';
import geocoding from './ne/geocoding.json';
import i18n from './ne/i18n.json';
import reminders from './ne/reminders.json';
import upload from './ne/upload.json';
import usersPermissions from './ne/users-permissions.json';

type Catalogue = Record<string, string>;
interface ContentTypeNames {
  /** The schema's English `info.displayName` (the message id of the display name). */
  en: string;
  displayName: string;
  fields: Record<string, string>;
}

const prefixed = (prefix: string, catalogue: Catalogue): Catalogue =>
  Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [prefix + key, value]));

/** Display names and field labels of this project's content types, keyed as the content manager asks. */
export const contentTypeMessages = (types: Record<string, ContentTypeNames>): Catalogue => {
  const messages: Catalogue = {};
  for (const [uid, names] of Object.entries(types)) {
    messages[names.en] = names.displayName;
    for (const [field, label] of Object.entries(names.fields)) {
      messages[`content-manager.content-types.${uid}.${field}`] = label;
    }
  }
  return messages;
};

export const ne: Catalogue = {
  ...admin,
  ...prefixed('content-manager.', contentManager),
  ...prefixed('upload.', upload),
  ...prefixed('users-permissions.', usersPermissions),
  ...prefixed('i18n.', i18n),
  ...prefixed('audit-log.', auditLog),
  ...prefixed('reminders.', reminders),
  ...prefixed('geocoding.', geocoding),
  ...prefixed('content-import.', contentImport),
  ...prefixed('admin-console.', adminConsole),
  ...contentTypeMessages(contentTypes as Record<string, ContentTypeNames>),
  // Ids the installed code asks for that its English catalogue lacks (it passes a
  // defaultMessage instead): the main menu's Content Manager link.
  ...extra,
};

export default ne;
