import { dateTimeFormat } from '~/i18n/formats';
import { t, type Locale } from '~/i18n';
import { isoCalendarDate } from '~/i18n/dates';
import { formatNpr } from '~/i18n/money';
import { paths } from '~/lib/paths';
import { formatKm } from '~/features/garage/vehicle-display';
import type { CalendarEntry } from './calendar-entry';
import type { TimelineEntry } from './history-timeline';
import type { KindSpending, MonthSpending } from './spending';
import { serviceKindName } from './spending-text';
import type { ServiceRecord, Spending } from './service-record-api';

/** Paisa (the CMS's integer money) as rupees. */
export const rupees = (paisa: number) => paisa / 100;

/** What a service is, in the page's language: the catalogue's name, or the owner's words for "other". */
export function serviceTitle(record: ServiceRecord, locale: Locale): string {
  if (record.kind === 'other' && record.kindLabel) return record.kindLabel;
  return serviceKindName(record.kind, locale);
}

/** The time of day a service is (or was) at, in Nepal: `10:30`, in the locale's digits. */
export function serviceTime(record: ServiceRecord, locale: Locale): string {
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Asia/Kathmandu',
  }).format(new Date(record.date));
}

function detailOf(record: ServiceRecord, locale: Locale): string | undefined {
  const parts = [
    record.centerName && t(locale, 'serviceRecords.section.at', { place: record.centerName }),
    record.odometerKm != null &&
      t(locale, 'serviceRecords.section.odometer', { km: formatKm(record.odometerKm, locale) }),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** A vehicle's records as the history timeline shows them: status, cost in rupees, link. */
export function timelineEntries(
  records: readonly ServiceRecord[],
  locale: Locale,
  vehicleId: string,
): TimelineEntry[] {
  return records.map((record) => ({
    day: isoCalendarDate(record.date),
    title: serviceTitle(record, locale),
    href: paths.serviceRecord(locale, vehicleId, record.id),
    status: record.status,
    amount:
      record.status === 'completed' && record.costPaisa != null
        ? rupees(record.costPaisa)
        : undefined,
    detail: detailOf(record, locale),
  }));
}

/** A month's records as the calendar shows them on their days in Nepal. */
export function calendarEntries(
  records: readonly ServiceRecord[],
  locale: Locale,
  vehicleId: string,
): CalendarEntry[] {
  return records.map((record) => ({
    day: isoCalendarDate(record.date),
    title: `${serviceTitle(record, locale)} · ${t(locale, `serviceRecords.status.${record.status}`)}`,
    href: paths.serviceRecord(locale, vehicleId, record.id),
    detail: [serviceTime(record, locale), record.centerName].filter(Boolean).join(' · '),
    tone: record.status === 'cancelled' ? 'cancelled' : 'plain',
  }));
}

/** The CMS's spending sums in rupees, as the charts take them. */
export function spendingInRupees(spending: Spending): {
  months: MonthSpending[];
  kinds: KindSpending[];
} {
  return {
    months: spending.byMonth.map(({ month, totalPaisa }) => ({
      month,
      amount: rupees(totalPaisa),
    })),
    kinds: spending.byKind.map(({ kind, totalPaisa }) => ({ kind, amount: rupees(totalPaisa) })),
  };
}

/** "Cost per km: Rs 2.50 over 1,200 km", or the note saying when it will show. */
export function costPerKmText(spending: Spending, locale: Locale): string {
  if (spending.costPerKmPaisa == null || !spending.kmDriven) {
    return t(locale, 'serviceRecords.section.costPerKmUnknown');
  }
  return t(locale, 'serviceRecords.section.costPerKm', {
    amount: formatNpr(rupees(spending.costPerKmPaisa), locale),
    km: formatKm(spending.kmDriven, locale),
  });
}
