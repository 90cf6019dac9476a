import type { Locale } from '~/i18n';

/** Query parameters of a link; entries left undefined are not written. */
export type Query = Record<string, string | undefined>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, value);
  }
  return params.size > 0 ? `${path}?${params}` : path;
}

// Ids come from the CMS or the address bar: one may never add or end a path segment.
const segment = (id: string) => encodeURIComponent(id);

/**
 * Every page of the portal, by name: the one place that knows how a locale and an id make a
 * path. `paths.test.ts` checks each builder against the files in src/pages, so a moved page
 * cannot leave links pointing at nothing.
 */
export const paths = {
  home: (locale: Locale) => `/${locale}/`,
  about: (locale: Locale) => `/${locale}/about`,
  /** The login page; `next` is where a successful login continues (a local path). */
  login: (locale: Locale, next?: string) => withQuery(`/${locale}/login`, { next }),
  register: (locale: Locale) => `/${locale}/register`,
  forgotPassword: (locale: Locale) => `/${locale}/forgot-password`,
  resetPassword: (locale: Locale) => `/${locale}/reset-password`,
  /** Shown by the CSRF middleware in place of a form post it cannot trust. */
  formExpired: (locale: Locale) => `/${locale}/form-expired`,
  logout: (locale: Locale) => `/${locale}/logout`,
  profile: (locale: Locale, query?: Query) => withQuery(`/${locale}/profile`, query),
  /** The calendar subscription (ICS feed link) of the owner. */
  profileCalendar: (locale: Locale, query?: Query) =>
    withQuery(`/${locale}/profile/calendar`, query),
  garage: (locale: Locale, query?: Query) => withQuery(`/${locale}/garage`, query),
  newVehicle: (locale: Locale) => `/${locale}/garage/new`,
  vehicle: (locale: Locale, vehicleId: string, query?: Query) =>
    withQuery(`/${locale}/garage/${segment(vehicleId)}`, query),
  editVehicle: (locale: Locale, vehicleId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/edit`,
  deleteVehicle: (locale: Locale, vehicleId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/delete`,
  /** A vehicle's service calendar; `month` is `2081-04` (BS) or `2024-07` (AD). */
  serviceCalendar: (locale: Locale, vehicleId: string, query?: Query) =>
    withQuery(`/${locale}/garage/${segment(vehicleId)}/services/calendar`, query),
  newService: (locale: Locale, vehicleId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/services/new`,
  serviceRecord: (locale: Locale, vehicleId: string, recordId: string, query?: Query) =>
    withQuery(`/${locale}/garage/${segment(vehicleId)}/services/${segment(recordId)}`, query),
  editService: (locale: Locale, vehicleId: string, recordId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/services/${segment(recordId)}/edit`,
  completeService: (locale: Locale, vehicleId: string, recordId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/services/${segment(recordId)}/complete`,
  cancelService: (locale: Locale, vehicleId: string, recordId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/services/${segment(recordId)}/cancel`,
  /** A calendar feed, proxied to the CMS so phones subscribe to the portal's address. */
  calendarFeed: (token: string) => `/calendar/${segment(token)}.ics`,
  /** The owner's document vault (all documents, and the upload form). */
  documents: (locale: Locale, query?: Query) => withQuery(`/${locale}/documents`, query),
  /** One document: its details, preview and the form to change them. */
  document: (locale: Locale, documentId: string) => `/${locale}/documents/${segment(documentId)}`,
  deleteDocument: (locale: Locale, documentId: string) =>
    `/${locale}/documents/${segment(documentId)}/delete`,
  /** A document's file through the portal (`download` asks the browser to save it). */
  documentFile: (documentId: string, download = false) =>
    withQuery(`/api/documents/${segment(documentId)}/file`, {
      download: download ? '1' : undefined,
    }),
  /** The portal's JSON route the upload island asks for an upload URL. */
  documentUploads: (locale: Locale) => withQuery('/api/documents/uploads', { locale }),
  /** Where the browser PUTs an upload's bytes on the embedded default (the CMS's path). */
  documentUpload: (uploadId: string) => `/api/documents/uploads/${segment(uploadId)}`,
  /** The owner's open reminders; `vehicle` narrows them to one vehicle. */
  reminders: (locale: Locale, query?: Query) => withQuery(`/${locale}/reminders`, query),
  /** The news list; `tag` narrows it to a topic, `cursor` is the next page. */
  news: (locale: Locale, query?: Query) => withQuery(`/${locale}/news`, query),
  /** One news article. */
  article: (locale: Locale, slug: string) => `/${locale}/news/${segment(slug)}`,
  /** Recalls matching the owner's vehicles; every recall status form posts here. */
  recalls: (locale: Locale, query?: Query) => withQuery(`/${locale}/recalls`, query),
  /** The service-center finder; the query is its GET form's filters (features/centers). */
  centers: (locale: Locale, query?: Query) => withQuery(`/${locale}/centers`, query),
  /** One service center's page (by slug); the query keeps the finder's filters for "back". */
  center: (locale: Locale, slug: string, query?: Query) =>
    withQuery(`/${locale}/centers/${segment(slug)}`, query),
  /** The owner's saved service centers. */
  savedCenters: (locale: Locale, query?: Query) => withQuery(`/${locale}/centers/saved`, query),
  /** A reminder's edit form; `back=vehicle` returns to its vehicle's page when saved. */
  editReminder: (locale: Locale, reminderId: string, query?: Query) =>
    withQuery(`/${locale}/reminders/${segment(reminderId)}/edit`, query),
  /** The portal's catalog endpoints the vehicle form's island calls from the browser. */
  catalogModelsOfMake: (makeId: string) => `/api/catalog/makes/${segment(makeId)}/models`,
  catalogModel: (modelId: string) => `/api/catalog/models/${segment(modelId)}`,
} as const;
