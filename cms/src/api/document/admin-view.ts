import type { AdminView } from '../../lib/admin-views';

/**
 * The document vault in the admin: metadata only. The file itself is private to its owner;
 * its storage keys are not shown.
 */
export const documentAdminView: AdminView = {
  uid: 'api::document.document',
  mainField: 'title',
  defaultSortBy: 'expiresOn',
  defaultSortOrder: 'ASC',
  list: ['kind', 'title', 'vehicle', 'ownerId', 'expiresOn', 'status'],
  labels: {
    kind: { en: 'Kind', ne: 'किसिम' },
    title: { en: 'Title', ne: 'शीर्षक' },
    vehicle: { en: 'Vehicle', ne: 'सवारी' },
    ownerId: { en: 'Owner', ne: 'सवारीधनी' },
    number: { en: 'Number', ne: 'नम्बर' },
    issuedOn: { en: 'Issued on', ne: 'जारी मिति' },
    expiresOn: { en: 'Expiry date', ne: 'म्याद सकिने मिति' },
    status: { en: 'Upload', ne: 'अपलोड' },
    fileName: { en: 'File name', ne: 'फाइलको नाम' },
    size: { en: 'Size (bytes)', ne: 'साइज (बाइट)' },
  },
  readOnly: ['ownerId', 'vehicle', 'serviceRecord', 'status', 'fileName', 'mime', 'size', 'sha256'],
  hidden: ['uploadKey', 'storageKey'],
};
