import type { AdminView } from '../../lib/admin-views';

/**
 * Owners (users-permissions users) in the admin: who they are and how to reach them. The
 * admin-console plugin adds the number of vehicles as a column.
 */
export const ownerAdminView: AdminView = {
  uid: 'plugin::users-permissions.user',
  mainField: 'email',
  defaultSortBy: 'createdAt',
  defaultSortOrder: 'DESC',
  list: ['email', 'displayName', 'phone', 'blocked', 'createdAt'],
  labels: {
    email: { en: 'Email', ne: 'इमेल' },
    displayName: { en: 'Name', ne: 'नाम' },
    phone: { en: 'Mobile number', ne: 'मोबाइल नम्बर' },
    blocked: { en: 'Blocked', ne: 'रोकिएको' },
    confirmed: { en: 'Email confirmed', ne: 'इमेल पुष्टि भएको' },
    preferredLocale: { en: 'Language', ne: 'भाषा' },
    notifyByEmail: { en: 'Reminders by email', ne: 'इमेलबाट रिमाइन्डर' },
    notifyBySms: { en: 'Reminders by SMS', ne: 'एसएमएसबाट रिमाइन्डर' },
    quietHours: { en: 'Quiet hours', ne: 'शान्त समय' },
    createdAt: { en: 'Joined', ne: 'जोडिएको मिति' },
  },
  edit: [
    [
      ['email', 6],
      ['displayName', 6],
    ],
    [
      ['phone', 6],
      ['blocked', 6],
    ],
  ],
  hidden: ['resetPasswordToken', 'confirmationToken'],
};
