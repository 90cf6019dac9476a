import type { ServiceKind } from '../../catalog/service-kinds';

/** The `source` of reminders a document's expiry created. */
export const documentSource = (documentId: string): string => `document:${documentId}`;

/** What a renewal reminder of a document is called when no service kind names it. */
const DOCUMENT_NAMES: Record<string, { en: string; ne: string }> = {
  'driving-licence': { en: 'Driving licence renewal', ne: 'सवारी चालक अनुमतिपत्र नवीकरण' },
  'route-permit': { en: 'Route permit renewal', ne: 'रुट परमिट नवीकरण' },
  'tax-receipt': { en: 'Vehicle tax payment', ne: 'सवारी कर भुक्तानी' },
  'service-invoice': { en: 'Service invoice follow-up', ne: 'सर्भिस बिल सम्बन्धी काम' },
};
const ANY_DOCUMENT = { en: 'Document renewal', ne: 'कागजात नवीकरण' };

/** The service kind a document's renewal is: bluebook, insurance, pollution test, or other. */
export function renewalKindOf(documentKind: string): ServiceKind {
  if (documentKind.startsWith('bluebook')) return 'bluebook-renewal';
  if (documentKind.includes('insurance')) return 'insurance-renewal';
  if (documentKind.includes('pollution') || documentKind.includes('emission'))
    return 'pollution-test';
  return 'other';
}

/** The name of a document's renewal, for reminders of kind `other`. */
export const documentRenewalName = (documentKind: string, locale: string): string => {
  const names = DOCUMENT_NAMES[documentKind] ?? ANY_DOCUMENT;
  return locale === 'ne' ? names.ne : names.en;
};
