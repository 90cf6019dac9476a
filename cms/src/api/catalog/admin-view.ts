import type { AdminView } from '../../lib/admin-views';

/** The catalog in the admin: names first, sorted by name. */
export const makeAdminView: AdminView = {
  uid: 'api::catalog.make',
  mainField: 'name',
  defaultSortBy: 'name',
  defaultSortOrder: 'ASC',
  list: ['name', 'slug', 'country', 'models'],
  labels: {
    name: { en: 'Name', ne: 'नाम' },
    country: { en: 'Country', ne: 'देश' },
    models: { en: 'Models', ne: 'मोडेलहरू' },
  },
};

export const modelAdminView: AdminView = {
  uid: 'api::catalog.model',
  mainField: 'name',
  defaultSortBy: 'name',
  defaultSortOrder: 'ASC',
  list: ['name', 'make', 'vehicleType', 'yearFrom', 'yearTo'],
  labels: {
    name: { en: 'Name', ne: 'नाम' },
    make: { en: 'Make', ne: 'ब्रान्ड' },
    vehicleType: { en: 'Vehicle type', ne: 'सवारीको किसिम' },
    yearFrom: { en: 'From year', ne: 'देखि (वर्ष)' },
    yearTo: { en: 'To year', ne: 'सम्म (वर्ष)' },
    trims: { en: 'Trims', ne: 'भेरियन्टहरू' },
  },
};

export const trimAdminView: AdminView = {
  uid: 'api::catalog.trim',
  mainField: 'name',
  defaultSortBy: 'name',
  defaultSortOrder: 'ASC',
  list: ['name', 'model', 'slug'],
  labels: {
    name: { en: 'Name', ne: 'नाम' },
    model: { en: 'Model', ne: 'मोडेल' },
  },
};
