/** The read-only vehicle catalog, open to visitors and owners alike. */
export const CATALOG_READ_ACTIONS = [
  'api::catalog.catalog.makes',
  'api::catalog.catalog.modelsOfMake',
  'api::catalog.catalog.model',
] as const;
