import type { AdminView } from '../../lib/admin-views';

/** Service records: which vehicle, what, when and in which state (vehicle and owner named by the admin console). */
export const serviceRecordAdminView: AdminView = {
  uid: 'api::service-record.service-record',
  mainField: 'kindLabel',
  defaultSortBy: 'serviceAt',
  defaultSortOrder: 'DESC',
  list: ['vehicleId', 'ownerId', 'kindLabel', 'status', 'serviceAt', 'costPaisa'],
  labels: {
    vehicleId: { en: 'Vehicle', ne: 'सवारी' },
    ownerId: { en: 'Owner', ne: 'सवारीधनी' },
    kind: { en: 'Kind', ne: 'किसिम' },
    kindLabel: { en: 'Service', ne: 'सर्भिसिङ' },
    status: { en: 'Status', ne: 'अवस्था' },
    scheduledAt: { en: 'Scheduled for', ne: 'तय भएको मिति' },
    completedAt: { en: 'Completed on', ne: 'सम्पन्न मिति' },
    serviceAt: { en: 'Service date', ne: 'सर्भिस मिति' },
    odometerKm: { en: 'Odometer (km)', ne: 'ओडोमिटर (कि.मी.)' },
    costPaisa: { en: 'Cost (paisa)', ne: 'खर्च (पैसा)' },
    centerName: { en: 'Service center', ne: 'सेवा केन्द्र' },
    notes: { en: 'Notes', ne: 'टिप्पणी' },
  },
  readOnly: ['ownerId', 'vehicleId'],
};
