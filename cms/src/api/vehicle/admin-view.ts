import type { AdminView } from '../../lib/admin-views';

/**
 * Vehicles in the admin: whose car it is and what it is. `ownerId`, `makeId` and `modelId`
 * hold ids; the admin-console plugin's list columns show the owner's email and the catalog
 * names in their place.
 */
export const vehicleAdminView: AdminView = {
  uid: 'api::vehicle.vehicle',
  mainField: 'registrationNumber',
  defaultSortBy: 'createdAt',
  defaultSortOrder: 'DESC',
  list: ['registrationNumber', 'ownerId', 'makeId', 'modelId', 'year'],
  labels: {
    registrationNumber: { en: 'Registration number', ne: 'दर्ता नम्बर' },
    ownerId: { en: 'Owner', ne: 'सवारीधनी' },
    makeId: { en: 'Make', ne: 'ब्रान्ड' },
    modelId: { en: 'Model', ne: 'मोडेल' },
    trimId: { en: 'Trim', ne: 'भेरियन्ट' },
    year: { en: 'Year', ne: 'उत्पादन वर्ष' },
    nickname: { en: 'Nickname', ne: 'उपनाम' },
    colour: { en: 'Colour', ne: 'रङ' },
    fuel: { en: 'Fuel', ne: 'इन्धन' },
    vin: { en: 'VIN', ne: 'VIN (च्यासिस नम्बर)' },
    purchaseDate: { en: 'Purchase date', ne: 'खरिद मिति' },
    odometerKm: { en: 'Odometer (km)', ne: 'ओडोमिटर (कि.मी.)' },
  },
  edit: [
    [
      ['registrationNumber', 6],
      ['nickname', 6],
    ],
    [
      ['makeId', 4],
      ['modelId', 4],
      ['year', 4],
    ],
  ],
  // Ids the owner API keeps consistent (catalog checks, the registration key): not hand-edited.
  readOnly: ['ownerId', 'makeId', 'modelId', 'trimId', 'registrationKey'],
  hidden: ['registrationKey'],
};
