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
  garage: (locale: Locale, query?: Query) => withQuery(`/${locale}/garage`, query),
  newVehicle: (locale: Locale) => `/${locale}/garage/new`,
  vehicle: (locale: Locale, vehicleId: string, query?: Query) =>
    withQuery(`/${locale}/garage/${segment(vehicleId)}`, query),
  editVehicle: (locale: Locale, vehicleId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/edit`,
  deleteVehicle: (locale: Locale, vehicleId: string) =>
    `/${locale}/garage/${segment(vehicleId)}/delete`,
  /** The owner's open reminders; `vehicle` narrows them to one vehicle. */
  reminders: (locale: Locale, query?: Query) => withQuery(`/${locale}/reminders`, query),
  /** The portal's catalog endpoints the vehicle form's island calls from the browser. */
  catalogModelsOfMake: (makeId: string) => `/api/catalog/makes/${segment(makeId)}/models`,
  catalogModel: (modelId: string) => `/api/catalog/models/${segment(modelId)}`,
} as const;
