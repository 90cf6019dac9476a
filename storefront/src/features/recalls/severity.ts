import { t, type Locale } from '~/i18n';
import type { BadgeLook } from '~/components/badge';
import type { RecallStatus, Severity } from './recalls-api';

const LOOKS: Record<Severity, BadgeLook> = {
  low: { tone: 'neutral', icon: 'info' },
  medium: { tone: 'warning', icon: 'clock' },
  high: { tone: 'danger', icon: 'alert' },
  critical: { tone: 'critical', icon: 'stop' },
};

/** A severity's badge: colour, a shape and words, so it never rests on colour alone. */
export function severityBadge(severity: Severity, locale: Locale): BadgeLook & { label: string } {
  return { ...LOOKS[severity], label: t(locale, `recalls.severity.${severity}`) };
}

const STATUS_LOOKS: Record<RecallStatus, BadgeLook> = {
  possible: { tone: 'warning', icon: 'alert' },
  acknowledged: { tone: 'neutral', icon: 'clock' },
  fixed: { tone: 'ok', icon: 'check' },
};

/** The owner's status of a recall, as a badge. */
export function statusBadge(status: RecallStatus, locale: Locale): BadgeLook & { label: string } {
  return { ...STATUS_LOOKS[status], label: t(locale, `recalls.status.${status}`) };
}
