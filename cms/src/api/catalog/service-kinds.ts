/**
 * The catalogue of service kinds: what a service record says was done and what a reminder
 * says is due. A record may also carry free text (`kindLabel`) beside `other`.
 * Names are the glossary's (packages/nepal/glossary.json): one word per term across
 * the portal, emails, SMS and the admin panel.
 */
export const SERVICE_KINDS = [
  { code: 'general-service', en: 'General service', ne: 'साधारण सर्भिसिङ' },
  { code: 'oil-change', en: 'Oil change', ne: 'इन्जिन आयल फेर्ने' },
  { code: 'oil-filter', en: 'Oil filter', ne: 'आयल फिल्टर' },
  { code: 'air-filter', en: 'Air filter', ne: 'एयर फिल्टर' },
  { code: 'tyres', en: 'Tyres', ne: 'टायर' },
  { code: 'brakes', en: 'Brakes', ne: 'ब्रेक' },
  { code: 'battery', en: 'Battery', ne: 'ब्याट्री' },
  { code: 'chain-sprocket', en: 'Chain and sprocket', ne: 'चेन र स्प्रोकेट' },
  { code: 'coolant', en: 'Coolant', ne: 'कुलेन्ट' },
  { code: 'wheel-alignment', en: 'Wheel alignment', ne: 'ह्वील एलाइनमेन्ट' },
  { code: 'ac-service', en: 'AC service', ne: 'एसी सर्भिसिङ' },
  { code: 'wash', en: 'Wash', ne: 'धुलाइ' },
  { code: 'inspection', en: 'Inspection', ne: 'जाँच' },
  { code: 'bluebook-renewal', en: 'Bluebook renewal', ne: 'ब्लुबुक नवीकरण' },
  { code: 'insurance-renewal', en: 'Insurance renewal', ne: 'बीमा नवीकरण' },
  { code: 'pollution-test', en: 'Pollution test', ne: 'प्रदूषण जाँच' },
  { code: 'repair', en: 'Repair', ne: 'मर्मत' },
  { code: 'other', en: 'Other', ne: 'अन्य' },
] as const;

export type ServiceKind = (typeof SERVICE_KINDS)[number]['code'];

export const SERVICE_KIND_CODES = SERVICE_KINDS.map((kind) => kind.code) as [
  ServiceKind,
  ...ServiceKind[],
];

export function isServiceKind(value: string): value is ServiceKind {
  return (SERVICE_KIND_CODES as readonly string[]).includes(value);
}

export function serviceKindName(code: string, locale: string): string {
  const kind = SERVICE_KINDS.find((entry) => entry.code === code);
  if (!kind) return code;
  return locale === 'ne' ? kind.ne : kind.en;
}
