import type { AdminView } from '../../lib/admin-views';

/** Reminders: what is due for which vehicle, and when (vehicle and owner named by the admin console). */
export const reminderAdminView: AdminView = {
  uid: 'api::reminder.reminder',
  mainField: 'title',
  defaultSortBy: 'dueDate',
  defaultSortOrder: 'ASC',
  list: ['title', 'vehicleId', 'ownerId', 'status', 'dueDate', 'dueKm'],
  labels: {
    title: { en: 'Reminder', ne: 'रिमाइन्डर' },
    vehicleId: { en: 'Vehicle', ne: 'सवारी' },
    ownerId: { en: 'Owner', ne: 'सवारीधनी' },
    kind: { en: 'Kind', ne: 'किसिम' },
    status: { en: 'Status', ne: 'अवस्था' },
    dueDate: { en: 'Due date', ne: 'गर्नुपर्ने मिति' },
    dueKm: { en: 'Due at (km)', ne: 'गर्नुपर्ने कि.मी.' },
    snoozedUntil: { en: 'Snoozed until', ne: 'पछि सारिएको मिति' },
  },
  readOnly: ['ownerId', 'vehicleId'],
};
