import { t, type Locale, type MessageKey } from '~/i18n';
import { localeDigits } from '~/i18n/digits';
import type { BadgeLook } from '~/components/badge';

/** The CMS's urgency tiers of a reminder, least urgent first. */
export const URGENCY_TIERS = ['upcoming', 'due-soon', 'due', 'overdue'] as const;
export type UrgencyTier = (typeof URGENCY_TIERS)[number];

/** Whether a value the CMS sent is a tier the portal knows. */
export function isUrgencyTier(value: unknown): value is UrgencyTier {
  return (URGENCY_TIERS as readonly unknown[]).includes(value);
}

const LOOKS: Record<UrgencyTier, BadgeLook> = {
  upcoming: { tone: 'neutral', icon: 'calendar' },
  'due-soon': { tone: 'warning', icon: 'clock' },
  due: { tone: 'danger', icon: 'alert' },
  overdue: { tone: 'critical', icon: 'stop' },
};

/** How a tier's badge looks and what it says. */
export function urgencyBadge(tier: UrgencyTier, locale: Locale): BadgeLook & { label: string } {
  return { ...LOOKS[tier], label: t(locale, `reminders.urgency.${tier}` as MessageKey) };
}

/**
 * A rough distance in days, as a projection deserves: `in about 12 days`, `in about a day`,
 * `about today`, `about 3 days ago`; in Nepali `करिब १२ दिनमा`.
 */
export function aboutDays(days: number, locale: Locale): string {
  const whole = Math.round(days);
  const count = localeDigits(String(Math.abs(whole)), locale);
  if (whole === 0) return t(locale, 'days.about.today');
  if (whole === 1) return t(locale, 'days.about.inOne');
  if (whole === -1) return t(locale, 'days.about.agoOne');
  return whole > 0
    ? t(locale, 'days.about.inMany', { days: count })
    : t(locale, 'days.about.agoMany', { days: count });
}
