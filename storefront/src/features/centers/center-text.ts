import { numberFormat } from '~/i18n/formats';
import { districtByCode, districts, provinces } from './nepal-places';
import { t, type Locale, type MessageKey } from '~/i18n';
import { SERVICE_KIND_CODES } from '~/features/service-records/service-kinds';

/** A district's name in the page's language (the gazetteer's), or the CMS's name. */
export function districtName(code: string, locale: Locale, fallback = code): string {
  const district = districtByCode(code);
  if (!district) return fallback;
  return locale === 'ne' ? district.ne : district.en;
}

/** A province's name in the page's language. */
export function provinceName(code: string, locale: Locale, fallback = code): string {
  const province = provinces.find((item) => item.code === code);
  if (!province) return fallback;
  return locale === 'ne' ? province.ne : province.en;
}

/** The districts for a select, by name in the page's language (Nepali in its own order). */
export function districtChoices(locale: Locale): Array<{ code: string; name: string }> {
  return districts
    .map((district) => ({ code: district.code, name: districtName(district.code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** A service kind's name from the service-record catalogue strings; unknown codes as they are. */
export function serviceName(code: string, locale: Locale): string {
  return (SERVICE_KIND_CODES as readonly string[]).includes(code)
    ? t(locale, `serviceRecords.kinds.${code}` as MessageKey)
    : code;
}

/** A distance in the page's digits, one decimal (`२.४` in Nepali). */
export function formatKm(km: number, locale: Locale): string {
  return numberFormat(locale, { maximumFractionDigits: 1 }).format(km);
}

/** A `HH:MM` time in the page's digits (`०९:००` in Nepali). */
export function formatClock(time: string, locale: Locale): string {
  const number = numberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return time
    .split(':')
    .map((part) => number.format(Number(part)))
    .join(':');
}
