import { t, type Locale, type MessageKey } from '~/i18n';
import { localeDigits } from '~/i18n/digits';
import { daysBetween, type BadgeLook } from '~/components/badge';

/** How close a document's expiry is: valid, within a month, within a week, or past. */
export type ExpiryTier = 'valid' | 'expiring-soon' | 'expiring' | 'expired';

/** The days before expiry a document turns "soon" and "within a week" (the reminders' 30 and 7). */
export const EXPIRY_THRESHOLDS = { soonDays: 30, weekDays: 7 } as const;

/** The tier of an expiry date (`YYYY-MM-DD`) seen on `today` (Nepal's day). */
export function expiryTier(
  expiresOn: string,
  today: string,
  thresholds: { soonDays: number; weekDays: number } = EXPIRY_THRESHOLDS,
): ExpiryTier {
  const days = daysBetween(today, expiresOn);
  if (days < 0) return 'expired';
  if (days <= thresholds.weekDays) return 'expiring';
  if (days <= thresholds.soonDays) return 'expiring-soon';
  return 'valid';
}

const LOOKS: Record<ExpiryTier, BadgeLook> = {
  valid: { tone: 'ok', icon: 'check' },
  'expiring-soon': { tone: 'warning', icon: 'clock' },
  expiring: { tone: 'danger', icon: 'alert' },
  expired: { tone: 'critical', icon: 'stop' },
};

/** How a tier's badge looks and what it says. */
export function expiryBadge(tier: ExpiryTier, locale: Locale): BadgeLook & { label: string } {
  return { ...LOOKS[tier], label: t(locale, `documents.expiry.${tier}` as MessageKey) };
}

/**
 * When a document expires, in words: `expires in 12 days`, `expires today`, `expired
 * yesterday`; more than a month away, the date itself (`valid until …`), given formatted.
 */
export function expiryPhrase(
  expiresOn: string,
  today: string,
  locale: Locale,
  formattedDate: string,
): string {
  const days = daysBetween(today, expiresOn);
  const count = localeDigits(String(Math.abs(days)), locale);
  if (days > EXPIRY_THRESHOLDS.soonDays) {
    return t(locale, 'documents.expiry.validUntil', { date: formattedDate });
  }
  if (days > 1) return t(locale, 'documents.expiry.inDays', { days: count });
  if (days === 1) return t(locale, 'documents.expiry.tomorrow');
  if (days === 0) return t(locale, 'documents.expiry.today');
  if (days === -1) return t(locale, 'documents.expiry.yesterday');
  return t(locale, 'documents.expiry.daysAgo', { days: count });
}
