/**
 * The CMS's catalogue of service kinds (`cms/src/api/catalog/service-kinds.ts`), by code, in
 * its order; names are in the portal's catalogs (`serviceRecords.kinds.*`).
 */
export const SERVICE_KIND_CODES = [
  'general-service',
  'oil-change',
  'oil-filter',
  'air-filter',
  'tyres',
  'brakes',
  'battery',
  'chain-sprocket',
  'coolant',
  'wheel-alignment',
  'ac-service',
  'wash',
  'inspection',
  'bluebook-renewal',
  'insurance-renewal',
  'pollution-test',
  'repair',
  'other',
] as const;
